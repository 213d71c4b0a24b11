using Microsoft.Extensions.AI;

namespace Trajeckt.Extensions.AI.Tests.Infrastructure;

internal static class Pipelines
{
    /// <summary>The pipeline an application builds: UseTrajeckt in front of a real FunctionInvokingChatClient.</summary>
    public static IChatClient Gated(IChatClient model, Action<TrajecktFunctionGateOptions>? configure = null, Action<FunctionInvokingChatClient>? configureInvocation = null) =>
        new ChatClientBuilder(model)
            .UseTrajeckt(configure)
            .UseFunctionInvocation(configure: configureInvocation)
            .Build();

    public static ChatOptions With(params AIFunction[] tools) => new() { Tools = [.. tools] };

    public static List<ChatMessage> Ask(string text) => [new(ChatRole.User, text)];
}
