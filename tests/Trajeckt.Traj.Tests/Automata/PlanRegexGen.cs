using System.Text;
using CsCheck;
using Trajeckt.Traj.Automata;
using Trajeckt.Traj.Syntax;

namespace Trajeckt.Traj.Tests.PlanAutomata;

/// <summary>Random plans over small alphabets, their text form, and language-preserving rewrites.</summary>
internal static class PlanRegexGen
{
    /// <summary>A random plan over tools 0..toolCount-1 (toolCount may be 0: then only wildcards and structure).</summary>
    public static Gen<PlanRegex> Regex(int toolCount) => Gen.Recursive<PlanRegex>((depth, self) =>
    {
        var leaf = toolCount == 0
            ? Gen.OneOf(Gen.Const(PlanRegex.Any), Gen.Const(PlanRegex.Epsilon))
            : Gen.Frequency(
                (6, Gen.Int[0, toolCount - 1].Select(PlanRegex.Symbol)),
                (2, Gen.Const(PlanRegex.Any)),
                (1, Gen.Const(PlanRegex.Epsilon)),
                (1, Gen.Const(PlanRegex.Nothing)));
        if (depth >= 4)
            return leaf;
        return Gen.Frequency(
            (4, leaf),
            (3, self.Array[1, 3].Select(PlanRegex.Sequence)),
            (3, self.Array[1, 3].Select(PlanRegex.Alternation)),
            (3, Gen.Select(self, Gen.Enum<PlanRepeatKind>(), PlanRegex.Repeat)));
    });

    /// <summary>A random list of plans (possibly none, which means <c>_*</c>).</summary>
    public static Gen<PlanRegex[]> Plans(int toolCount) => Regex(toolCount).Array[0, 3];

    /// <summary>Text form for failure messages: tools as letters, <c>_</c>, <c>()</c> for epsilon, <c>!</c> for nothing.</summary>
    public static string Format(PlanRegex r) => r switch
    {
        PlanSymbol symbol => ((char)('a' + symbol.Tool)).ToString(),
        PlanAny => "_",
        PlanSequence { Items.Count: 0 } => "()",
        PlanSequence sequence => "(" + string.Join(" ", sequence.Items.Select(Format)) + ")",
        PlanAlternation { Alternatives.Count: 0 } => "!",
        PlanAlternation alternation => "(" + string.Join("|", alternation.Alternatives.Select(Format)) + ")",
        PlanRepeat repeat => Format(repeat.Operand) + repeat.Kind switch
        {
            PlanRepeatKind.ZeroOrMore => "*",
            PlanRepeatKind.OneOrMore => "+",
            _ => "?",
        },
        _ => throw new InvalidOperationException(r.GetType().Name),
    };

    public static string Format(IEnumerable<PlanRegex> plans) => "[" + string.Join("; ", plans.Select(Format)) + "]";

    /// <summary>
    /// An equivalent plan: alternatives shuffled and regrouped, sequences regrouped, and each repetition
    /// spelled another way (<c>x?</c> as <c>(()|x)</c>, <c>x+</c> as <c>x x*</c>, <c>x*</c> as <c>(x+)?</c>).
    /// </summary>
    public static PlanRegex Rewrite(PlanRegex r, Random random)
    {
        switch (r)
        {
            case PlanSequence sequence:
            {
                var items = sequence.Items.Select(i => Rewrite(i, random)).ToArray();
                if (items.Length >= 2 && random.Next(2) == 0)
                    return PlanRegex.Sequence(PlanRegex.Sequence(items[0], items[1]), PlanRegex.Sequence(items.Skip(2).ToArray()));
                return PlanRegex.Sequence(items);
            }
            case PlanAlternation alternation:
            {
                var alternatives = alternation.Alternatives.Select(a => Rewrite(a, random)).OrderBy(_ => random.Next()).ToArray();
                if (alternatives.Length >= 2 && random.Next(2) == 0)
                    return PlanRegex.Alternation(alternatives[0], PlanRegex.Alternation(alternatives.Skip(1).ToArray()));
                return PlanRegex.Alternation(alternatives);
            }
            case PlanRepeat repeat:
            {
                var operand = Rewrite(repeat.Operand, random);
                return repeat.Kind switch
                {
                    PlanRepeatKind.Optional => PlanRegex.Alternation(PlanRegex.Epsilon, operand),
                    PlanRepeatKind.OneOrMore => PlanRegex.Sequence(operand, PlanRegex.Star(Rewrite(repeat.Operand, random))),
                    _ => PlanRegex.Optional(PlanRegex.Plus(operand)),
                };
            }
            default:
                return r;
        }
    }

    /// <summary>Random words over tools 0..toolCount-1.</summary>
    public static Gen<int[]> Word(int toolCount) => toolCount == 0 ? Gen.Const(Array.Empty<int>()) : Gen.Int[0, toolCount - 1].Array[0, 6];
}
