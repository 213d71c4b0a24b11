using CsCheck;
using Trajeckt.Traj.Automata;
using Trajeckt.Traj.Graph;
using Trajeckt.Traj.Tests.PlanAutomata;

namespace Trajeckt.Traj.Tests.GraphFormat;

/// <summary>Random valid graphs, built the way the binder builds them.</summary>
internal static class GraphGen
{
    // Names whose UTF-16 and UTF-8 orders differ ("\uFF01" sorts after a surrogate pair in UTF-16,
    // before it in UTF-8), plus punctuation the language allows and non-ASCII letters.
    private static readonly string[] ToolNames = { "a", "b", "read_customer", "send-email", "x.y/z", "é", "日本", "\uFF01", "😀", "A" };
    private static readonly string[] LabelNames = { "pii", "secret", "customer-pii", "ключ", "😀x" };

    private static readonly Gen<ToolEffects> Effects = Gen.Int[0, 15].Select(bits => (ToolEffects)(bits << 1));
    private static readonly Gen<Trust> Trusts = Gen.Enum<Trust>();
    private static readonly Gen<Trust?> Floors = Gen.Frequency((1, Gen.Const((Trust?)null)), (2, Trusts.Select(t => (Trust?)t)));

    public static readonly Gen<CompiledGraph> Graph =
        from name in Gen.OneOf(Gen.Const("Support"), Gen.String[1, 8], Gen.Const("日本 \"quoted\""))
        from toolNames in Gen.Shuffle(ToolNames, 0, 6)
        from tools in Gen.Select(Effects, Trusts, Floors, Trusts, Gen.Shuffle(LabelNames, 0, 3)).Array[toolNames.Length]
        from flowSeed in Gen.Int
        from budget in Gen.Frequency((1, Gen.Const((int?)null)), (2, Gen.Int[0, int.MaxValue].Select(b => (int?)b)))
        from plans in PlanRegexGen.Plans(toolNames.Length)
        from pins in Gen.Frequency((1, Gen.Const(Array.Empty<byte[]?>())), (1, Gen.Frequency((1, Gen.Const((byte[]?)null)), (2, Gen.Byte.Array[32].Select(h => (byte[]?)h))).Array[toolNames.Length]))
        select Build(name, toolNames, tools, flowSeed, budget, plans, pins);

    private static CompiledGraph Build(string name, string[] toolNames,
        (ToolEffects Effects, Trust Origin, Trust? Floor, Trust Authorizer, string[] Labels)[] tools, int flowSeed, int? budget, PlanRegex[] plans, byte[]?[] pins)
    {
        var builder = new TestGraphBuilder(name).Budget(budget);
        for (var i = 0; i < pins.Length; i++)
        {
            if (pins[i] is { } hash)
                builder.Pin(toolNames[i], hash);
        }
        for (var i = 0; i < toolNames.Length; i++)
            builder.Tool(toolNames[i], tools[i].Effects, tools[i].Labels, tools[i].Origin, tools[i].Floor, tools[i].Authorizer);
        var random = new Random(flowSeed);
        var sinks = toolNames.Where((_, i) => (tools[i].Effects & (ToolEffects.ExternalSink | ToolEffects.Egress)) != 0).ToArray();
        foreach (var label in tools.SelectMany(t => t.Labels).Distinct())
        {
            foreach (var sink in sinks)
            {
                if (random.Next(2) == 0)
                    builder.Flow(label, sink);
            }
        }
        // The plans index tools in sorted order, as the binder's do.
        var result = PlanAutomatonBuilder.Build(plans, toolNames.Length, 10_000);
        if (result.Dfa is { } dfa)
            builder.Plan(dfa);
        else
            builder.Plan(PlanRegex.Epsilon);
        return builder.Build();
    }
}
