using Microsoft.Extensions.AI;

namespace SupportAgent;

/// <summary>
/// Stands in for a model that a prompt injection has taken over: it answers each request with the next
/// scripted message, whatever it is told, so the sample runs offline and always the same way.
/// </summary>
internal sealed class ScriptedModel(IEnumerable<ChatMessage> script) : IChatClient
{
    // Call ids must be unique in a conversation: approval responses are matched to calls by them.
    private static long s_callIds;

    private readonly Queue<ChatMessage> _script = new(script);

    public static ChatMessage Calls(string tool, params (string Name, object? Value)[] arguments) =>
        new(ChatRole.Assistant, [new FunctionCallContent($"call-{Interlocked.Increment(ref s_callIds)}", tool, arguments.ToDictionary(a => a.Name, a => a.Value))]);

    public static ChatMessage Says(string text) => new(ChatRole.Assistant, text);

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (!_script.TryDequeue(out var next))
            next = Says("(the script has ended)");
        return Task.FromResult(new ChatResponse(next));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var update in (await GetResponseAsync(messages, options, cancellationToken)).ToChatResponseUpdates())
            yield return update;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
