using System.Text;

namespace Trajeckt.Runtime.Tests.Support;

/// <summary>Random, valid Traj policies: the compiler, not the test, builds their canonical graphs.</summary>
internal static class RandomPolicies
{
    private static readonly string[] ToolNames = ["fetch", "read", "save", "send", "shell", "post"];
    private static readonly string[] Labels = ["pii", "secret", "internal"];

    public static string Create(Random random)
    {
        var tools = ToolNames.Where(_ => random.Next(4) > 0).DefaultIfEmpty(ToolNames[0]).ToList();
        var text = new StringBuilder("trajectory Random {\n");
        var restricted = new List<string>();
        var declaredLabels = new HashSet<string>();
        foreach (var tool in tools)
        {
            var effects = new List<string>();
            if (random.Next(3) == 0)
            {
                var labels = Labels.Where(_ => random.Next(2) == 0).DefaultIfEmpty(Labels[0]).ToList();
                declaredLabels.UnionWith(labels);
                effects.Add($"sensitive({string.Join(", ", labels)})");
            }
            if (random.Next(3) == 0)
                effects.Add($"origin({RandomGraphs.RandomTrust(random)})");
            if (random.Next(3) == 0)
            {
                effects.Add("sink(external)");
                restricted.Add(tool);
            }
            if (random.Next(4) == 0)
                effects.Add("sink(control)");
            if (random.Next(5) == 0)
                effects.Add("shell");
            if (random.Next(5) == 0)
            {
                effects.Add("egress");
                if (!restricted.Contains(tool))
                    restricted.Add(tool);
            }
            text.Append($"  tool {tool}{(effects.Count > 0 ? " : " + string.Join(", ", effects) : "")};\n");
        }
        for (var plans = random.Next(0, 3); plans > 0; plans--)
            text.Append($"  plan {Regex(random, tools, depth: 3)};\n");
        foreach (var label in declaredLabels)
        {
            var targets = restricted.Where(_ => random.Next(2) == 0).ToList();
            if (targets.Count > 0)
                text.Append($"  flow {label} -> {string.Join(", ", targets)};\n");
        }
        if (random.Next(3) == 0)
            text.Append($"  floor {RandomGraphs.RandomTrust(random)};\n");
        var floored = tools.Where(_ => random.Next(3) == 0).ToList();
        if (floored.Count > 0)
            text.Append($"  floor {RandomGraphs.RandomTrust(random)} for {string.Join(", ", floored)};\n");
        var authorized = tools.Where(_ => random.Next(3) == 0).ToList();
        if (authorized.Count > 0)
            text.Append($"  authorize {string.Join(", ", authorized)} by {RandomGraphs.RandomTrust(random)};\n");
        if (random.Next(3) == 0)
            text.Append($"  budget calls {random.Next(0, 10)};\n");
        return text.Append("}\n").ToString();
    }

    private static string Regex(Random random, List<string> tools, int depth)
    {
        if (depth == 0 || random.Next(3) == 0)
            return random.Next(5) == 0 ? "_" : tools[random.Next(tools.Count)];
        return random.Next(5) switch
        {
            0 => $"({Regex(random, tools, depth - 1)})*",
            1 => $"({Regex(random, tools, depth - 1)})+",
            2 => $"({Regex(random, tools, depth - 1)})?",
            3 => $"({Regex(random, tools, depth - 1)} | {Regex(random, tools, depth - 1)})",
            _ => $"{Regex(random, tools, depth - 1)} {Regex(random, tools, depth - 1)}",
        };
    }
}
