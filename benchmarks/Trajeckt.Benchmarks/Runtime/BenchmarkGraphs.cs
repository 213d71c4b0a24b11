using Trajeckt.Traj.Graph;

namespace Trajeckt.Benchmarks.Runtime;

/// <summary>
/// Graphs for the runtime benchmarks, built directly (the compiler is not what is measured): tool 0
/// reads label <c>pii</c>, tool 1 is an external sink that <c>pii</c> may reach, tool 2 an external sink
/// it may not, tool 3 a control sink with the default floor; every other tool has no effect. The plan
/// is <c>_*</c> (one state, so the dense table stays small even with 10,000 tools).
/// </summary>
internal static class BenchmarkGraphs
{
    public const int Reader = 0;
    public const int AllowedSink = 1;
    public const int ForbiddenSink = 2;
    public const int ControlSink = 3;

    public static CompiledGraph Create(int toolCount)
    {
        if (toolCount < 4)
            throw new ArgumentOutOfRangeException(nameof(toolCount), "at least 4 tools");
        var tools = new GraphTool[toolCount];
        for (var i = 0; i < toolCount; i++)
        {
            var name = Name(i);
            tools[i] = i switch
            {
                Reader => new GraphTool(name, ToolEffects.Sensitive, [0], Trust.CleanWorkspace, null, Trust.TrustedUser),
                AllowedSink or ForbiddenSink => new GraphTool(name, ToolEffects.ExternalSink, [], Trust.ToolOutput, null, Trust.TrustedUser),
                ControlSink => new GraphTool(name, ToolEffects.ControlSink, [], Trust.ToolOutput, Trust.External, Trust.TrustedUser),
                _ => new GraphTool(name, ToolEffects.None, [], Trust.ToolOutput, null, Trust.TrustedUser),
            };
        }
        return new CompiledGraph(
            "Benchmark",
            tools,
            ["pii"],
            [[AllowedSink]],
            budget: null,
            accepting: [true],
            transitionStart: [0, toolCount],
            transitionTool: Enumerable.Range(0, toolCount).ToArray(),
            transitionTarget: new int[toolCount]);
    }

    // Zero-padded so that ordinal order is index order, as the graph format requires.
    public static string Name(int index) => $"tool{index:D5}";
}
