using Microsoft.Extensions.AI;

namespace Trajeckt.Extensions.AI;

/// <summary>
/// The conversation key of the request in flight, read once when <see cref="TrajecktChatClient"/> starts it, so
/// that every function call of its function-calling loop is decided in the same stored session even if the loop
/// updates <see cref="ChatOptions.ConversationId"/> on the way.
/// </summary>
internal static class ConversationScope
{
    private static readonly AsyncLocal<string?> s_key = new();

    /// <summary>The key of the request in flight, or <see langword="null"/>.</summary>
    public static string? Key => s_key.Value;

    public static string? KeyOf(TrajecktFunctionGateOptions options, IEnumerable<ChatMessage> messages, ChatOptions? chatOptions) =>
        options.SessionManager is null ? null
        : options.ConversationKey is { } select ? select(messages, chatOptions)
        : chatOptions?.ConversationId;

    public static Scope Enter(TrajecktFunctionGateOptions options, IEnumerable<ChatMessage> messages, ChatOptions? chatOptions) =>
        Enter(KeyOf(options, messages, chatOptions));

    public static Scope Enter(string? key)
    {
        var previous = s_key.Value;
        s_key.Value = key;
        return new Scope(previous);
    }

    public readonly struct Scope(string? previous) : IDisposable
    {
        public void Dispose() => s_key.Value = previous;
    }
}
