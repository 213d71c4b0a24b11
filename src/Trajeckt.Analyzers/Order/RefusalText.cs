using Trajeckt.Traj.Graph;
using Trajeckt.Traj.Semantics;

namespace Trajeckt.Analyzers.Order;

/// <summary>Says why the commitment refuses a call, in the words of the runtime's messages (docs/semantics.md).</summary>
internal static class RefusalText
{
    public static string Describe(CompiledGraph graph, StaticSessionState state, int tool, StaticStep step)
    {
        var row = graph.Tools[tool];
        return step.Refusal switch
        {
            StaticRefusal.Transition =>
                $"transition: the plan of trajectory '{graph.Name}' does not allow {row.Name} at this point",
            StaticRefusal.Flow =>
                $"flow: label '{graph.Labels[step.Label]}' may not reach {((row.Effects & ToolEffects.ExternalSink) != 0 ? "external sink" : "egress tool")} {row.Name} (trajectory '{graph.Name}')",
            _ =>
                $"floor: {row.Name} requires integrity {row.Floor}, but the session's integrity is at most {state.Integrity} here and no authorization can be pending (trajectory '{graph.Name}')",
        };
    }
}
