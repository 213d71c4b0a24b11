using System.ClientModel;

namespace SupportAgent;

/// <summary>Recognizes a failure of the real model's endpoint, so it is reported in one line instead of a stack trace.</summary>
internal static class EndpointFailure
{
    /// <summary>A one-line description when <paramref name="exception"/> is an endpoint failure; otherwise <see langword="null"/>.</summary>
    public static string? Describe(Exception exception) => exception switch
    {
        ClientResultException or HttpRequestException => exception.Message,
        // The OpenAI client's retry policy gathers each try's failure.
        AggregateException { InnerExceptions: [var first, ..] } aggregate when aggregate.InnerExceptions.All(e => Describe(e) is not null) =>
            $"{Describe(first)} ({aggregate.InnerExceptions.Count} tries)",
        _ => null,
    };
}
