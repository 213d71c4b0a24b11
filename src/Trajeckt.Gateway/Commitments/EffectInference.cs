using ModelContextProtocol.Protocol;
using Trajeckt.Traj;
using Trajeckt.Traj.Graph;

namespace Trajeckt.Gateway.Commitments;

/// <summary>
/// The documented rule (docs/gateway.md) that derives a tool's effects from its MCP annotations. The
/// annotations are hints from a server the gateway does not trust, so absent hints take the MCP spec's
/// pessimistic defaults (readOnlyHint false, openWorldHint true) and no hint ever removes a restriction
/// that another one adds:
/// <list type="bullet">
/// <item>read-only, closed world: reads the operator's own data: <c>sensitive(internal)</c>;</item>
/// <item>read-only, open world: reaches outside and brings back untrusted content: <c>egress, origin(Untrusted)</c>;</item>
/// <item>writes, open world: data leaves the boundary: <c>sink(external)</c>;</item>
/// <item>writes, closed world: it changes what later steers the agent: <c>sink(control)</c>.</item>
/// </list>
/// <c>destructiveHint</c> relaxes nothing: a non-destructive write still writes.
/// </summary>
internal static class EffectInference
{
    /// <summary>The label of data a read-only, closed-world tool returns.</summary>
    public const string InternalLabel = "internal";

    public static InferredTool Infer(string name, ToolAnnotations? annotations)
    {
        var readOnly = annotations?.ReadOnlyHint ?? false;
        var openWorld = annotations?.OpenWorldHint ?? true;
        var hints = $"readOnlyHint={Hint(annotations?.ReadOnlyHint)}, destructiveHint={Hint(annotations?.DestructiveHint)}, openWorldHint={Hint(annotations?.OpenWorldHint)}";
        return (readOnly, openWorld) switch
        {
            (true, false) => new InferredTool(
                new HostTool(name, ToolEffects.Sensitive, new[] { InternalLabel }),
                $"read-only, closed world ({hints})"),
            (true, true) => new InferredTool(
                new HostTool(name, ToolEffects.Egress, Array.Empty<string>(), Trust.Untrusted),
                $"read-only, open world ({hints})"),
            (false, true) => new InferredTool(
                new HostTool(name, ToolEffects.ExternalSink, Array.Empty<string>()),
                $"writes, open world ({hints})"),
            (false, false) => new InferredTool(
                new HostTool(name, ToolEffects.ControlSink, Array.Empty<string>()),
                $"writes, closed world ({hints})"),
        };
    }

    private static string Hint(bool? value) => value switch
    {
        true => "true",
        false => "false",
        null => "unset",
    };
}
