using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Trajeckt.SemanticKernel.Tests.Infrastructure;

internal static class Kernels
{
    /// <summary>A kernel as an application builds it: the desk plugin, the scripted model as its chat service, the Trajeckt filters.</summary>
    public static Kernel Gated(DeskPlugin desk, ScriptedChatClient model, Action<TrajecktFilterOptions>? configure = null)
    {
        var builder = Kernel.CreateBuilder();
        // SK runs auto function calling over an IChatClient in its own KernelFunctionInvokingChatClient, with the kernel's filters.
        builder.Services.AddSingleton<IChatCompletionService>(new ChatClientBuilder(model).UseKernelFunctionInvocation().Build().AsChatCompletionService());
        builder.Services.AddTrajecktFilters(configure);
        builder.Plugins.AddFromObject(desk, DeskPlugin.Name);
        return builder.Build();
    }

    /// <summary>Sends one user message with auto function calling and returns the final answer.</summary>
    public static async Task<ChatMessageContent> AskAsync(Kernel kernel, string text, FunctionChoiceBehaviorOptions? options = null)
    {
        var history = new ChatHistory();
        history.AddUserMessage(text);
        var settings = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(options: options) };
        return await kernel.GetRequiredService<IChatCompletionService>().GetChatMessageContentAsync(history, settings, kernel);
    }
}
