using Microsoft.Extensions.AI;

namespace ConsumerApp;

/// <summary>A stand-in for a model: asks for each scripted call in turn, then answers in text, and keeps the function results it is sent.</summary>
internal sealed class ScriptedModel(params FunctionCallContent[] calls) : IChatClient
{
    private int _turn;

    /// <summary>The function results the model was sent, by call id.</summary>
    public Dictionary<string, object?> Results { get; } = [];

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        foreach (var result in messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>())
            Results[result.CallId] = result.Result;
        var answer = _turn < calls.Length ? new ChatMessage(ChatRole.Assistant, [calls[_turn]]) : new ChatMessage(ChatRole.Assistant, "Done.");
        _turn++;
        return Task.FromResult(new ChatResponse(answer));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The scripted model only answers GetResponseAsync.");

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
