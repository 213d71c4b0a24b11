using ModelContextProtocol.Protocol;

namespace Trajeckt.Gateway.Calls;

/// <summary>
/// The results the gateway answers a tools/call with when the upstream's own answer cannot be used: a
/// tool result with <c>isError: true</c> (the model reads why), never a protocol error a client might retry.
/// </summary>
internal static class CallResults
{
    /// <summary>The text every refusal starts with.</summary>
    public const string RefusalPrefix = "Refused by the Trajeckt policy: ";

    /// <summary>A refused call: the text is the prefix and the decision's message, which starts with the reason code.</summary>
    public static CallToolResult Refusal(in Decision decision) => Error(RefusalPrefix + (decision.Message ?? decision.Code));

    /// <summary>An allowed call whose upstream failed or timed out.</summary>
    public static CallToolResult UpstreamFailure(string message) => Error(message);

    private static CallToolResult Error(string text) => new()
    {
        IsError = true,
        Content = new List<ContentBlock> { new TextContentBlock { Text = text } },
    };
}
