using Trajeckt.Traj.Automata;
using static Trajeckt.Traj.Automata.PlanRegex;

namespace Trajeckt.Traj.Tests.PlanAutomata;

/// <summary>A realistic large policy: many tools, plans with wildcards, wide alternations and stars.</summary>
internal static class LargePolicy
{
    public static PlanRegex[] Plans(int toolCount, int planCount, int seed)
    {
        var random = new Random(seed);
        PlanRegex Tool() => Symbol(random.Next(toolCount));
        PlanRegex Wide(int width) => Alternation(Enumerable.Range(0, width).Select(_ => Tool()).ToArray());
        var plans = new PlanRegex[planCount];
        for (var i = 0; i < planCount; i++)
        {
            plans[i] = (i % 5) switch
            {
                0 => Sequence(Tool(), Star(Wide(200)), Optional(Tool()), Tool()),
                1 => Sequence(Tool(), Any, Plus(Wide(5)), Optional(Any)),
                2 => Sequence(Tool(), Star(Any), Tool(), Tool()),
                3 => Sequence(Wide(50), Star(Alternation(Sequence(Tool(), Tool()), Wide(20))), Tool()),
                _ => Sequence(Tool(), Tool(), Tool(), Optional(Sequence(Tool(), Star(Tool())))),
            };
        }
        return plans;
    }
}
