using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI;

namespace SupportAgent;

/// <summary>A real model behind an OpenAI-compatible endpoint, named by environment variables; never required.</summary>
internal static class OpenAIModel
{
    public const string EndpointVariable = "TRAJECKT_OPENAI_ENDPOINT";
    public const string KeyVariable = "TRAJECKT_OPENAI_KEY";
    public const string ModelVariable = "TRAJECKT_OPENAI_MODEL";
    public const string DefaultModel = "gpt-4o-mini";

    /// <summary>The model the environment names, or <see langword="null"/> when <see cref="EndpointVariable"/> is not set.</summary>
    /// <exception cref="ArgumentException">The endpoint is not an absolute http(s) URI.</exception>
    public static IChatClient? FromEnvironment(out string description)
    {
        var endpoint = Environment.GetEnvironmentVariable(EndpointVariable);
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            description = $"the scripted, prompt-injected model (set {EndpointVariable} to use a real one)";
            return null;
        }
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            throw new ArgumentException($"{EndpointVariable} must be an absolute http(s) URL, such as https://api.openai.com/v1; it is '{endpoint}'.");
        var model = Environment.GetEnvironmentVariable(ModelVariable) is { Length: > 0 } named ? named : DefaultModel;
        // Local OpenAI-compatible servers often take no key; the client needs a non-empty one all the same.
        var key = Environment.GetEnvironmentVariable(KeyVariable) is { Length: > 0 } given ? given : "none";
        description = $"{model} at {uri}";
        return new OpenAI.Chat.ChatClient(model, new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = uri }).AsIChatClient();
    }
}
