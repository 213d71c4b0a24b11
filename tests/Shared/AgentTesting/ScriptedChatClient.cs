using Microsoft.Extensions.AI;

namespace Trajeckt.Tests.AgentTesting;

/// <summary>
/// A model that answers each request with the next scripted message and records what it was sent: the function
/// results that FunctionInvokingChatClient or the kernel hands back are what a real model would read.
/// </summary>
internal sealed class ScriptedChatClient(params ChatMessage[] script) : IChatClient
{
    private readonly Queue<ChatMessage> _script = new(script);

    public List<List<ChatMessage>> Requests { get; } = [];

    /// <summary>The names of the functions offered to the model in the first request.</summary>
    public List<string> OfferedFunctions { get; } = [];

    /// <summary>The function results the model was sent, by call id.</summary>
    public Dictionary<string, object?> FunctionResults =>
        Requests.SelectMany(r => r).SelectMany(m => m.Contents).OfType<FunctionResultContent>()
            .GroupBy(r => r.CallId).ToDictionary(g => g.Key, g => g.Last().Result);

    public static ChatMessage Calls(params (string CallId, string Name)[] calls) =>
        new(ChatRole.Assistant, [.. calls.Select(c => new FunctionCallContent(c.CallId, c.Name, new Dictionary<string, object?>()))]);

    public static ChatMessage Says(string text) => new(ChatRole.Assistant, text);

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (Requests.Count == 0)
            OfferedFunctions.AddRange(options?.Tools?.Select(t => t.Name) ?? []);
        Requests.Add([.. messages]);
        if (_script.Count == 0)
            throw new InvalidOperationException("The model was asked more often than the script answers.");
        return Task.FromResult(new ChatResponse(_script.Dequeue()));
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
