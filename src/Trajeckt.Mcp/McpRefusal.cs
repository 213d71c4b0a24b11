using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using Trajeckt.Extensions.AI;

namespace Trajeckt.Mcp;

/// <summary>
/// The <c>tools/call</c> result of a refused call: a <see cref="CallToolResult"/> with <c>isError: true</c>, never a
/// JSON-RPC error, so that the model reads why the call was refused and a client does not retry it. Its one text block
/// is the refusal as every Trajeckt integration words it (<see cref="RefusalResult"/>); its <c>_meta</c> carries the same
/// facts for programs under <see cref="MetaKey"/>.
/// </summary>
public static class McpRefusal
{
    /// <summary>The <c>_meta</c> key of a refusal: an object with <c>code</c>, <c>message</c> and, when a session decided, <c>tool</c> and <c>step</c>.</summary>
    public const string MetaKey = "trajeckt/refusal";

    /// <summary>The result of a call that a session refused.</summary>
    /// <param name="decision">The refused decision.</param>
    /// <returns>
    /// For example a result whose text is <c>Refused by the Trajeckt policy: flow: label 'customer-pii' (read by
    /// read_customer at step 1) may not reach external sink send_email</c>.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="decision"/> allows the call.</exception>
    public static CallToolResult Create(Decision decision)
    {
        var text = RefusalResult.For(decision);
        var meta = new JsonObject
        {
            ["code"] = decision.Code,
            ["message"] = decision.Message ?? decision.Code,
            ["tool"] = decision.ToolName,
            ["step"] = decision.Step,
        };
        return Result(text, meta);
    }

    /// <summary>
    /// The result of a call refused before any session could decide it (no session, a tool the server does not have):
    /// its message is <c>code: explanation</c>, worded as a session words its refusals.
    /// </summary>
    /// <param name="reason">Why the call is refused.</param>
    /// <param name="explanation">What caused it, as a sentence without the code (e.g. <c>this MCP server has no tool 'x'</c>).</param>
    /// <returns>The refusal result.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reason"/> is <see cref="DecisionReason.None"/> or not a defined reason.</exception>
    /// <exception cref="ArgumentException"><paramref name="explanation"/> is empty.</exception>
    public static CallToolResult Create(DecisionReason reason, string explanation)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(explanation);
        var code = ReasonCodes.ToCode(reason) ?? throw new ArgumentOutOfRangeException(nameof(reason), reason, "Only a refusal has a refusal result.");
        var message = code + ": " + explanation;
        return Result(RefusalResult.Prefix + message, new JsonObject { ["code"] = code, ["message"] = message });
    }

    /// <summary>Reads the code and message of a refusal result that a Trajeckt MCP server or gateway returned.</summary>
    /// <param name="result">A <c>tools/call</c> result.</param>
    /// <param name="code">The reason code, e.g. <c>flow</c>.</param>
    /// <param name="message">The refusal's message.</param>
    /// <returns>Whether <paramref name="result"/> is a Trajeckt refusal.</returns>
    public static bool TryRead(CallToolResult? result, [NotNullWhen(true)] out string? code, [NotNullWhen(true)] out string? message)
    {
        code = null;
        message = null;
        if (result is not { IsError: true, Meta: { } meta } || meta[MetaKey] is not JsonObject refusal)
            return false;
        code = (refusal["code"] as JsonValue)?.TryGetValue<string>(out var c) == true ? c : null;
        message = (refusal["message"] as JsonValue)?.TryGetValue<string>(out var m) == true ? m : null;
        return code is not null && message is not null;
    }

    private static CallToolResult Result(string text, JsonObject refusal) => new()
    {
        IsError = true,
        Content = [new TextContentBlock { Text = text }],
        Meta = new JsonObject { [MetaKey] = refusal },
    };
}
