using System.Collections.Concurrent;
using Microsoft.Extensions.AI;

namespace Trajeckt.Extensions.AI.Tests.Infrastructure;

/// <summary>AIFunctions named after the policy's tools that record whether they ran.</summary>
internal sealed class ToolBench
{
    public ConcurrentQueue<string> Ran { get; } = new();

    public AIFunction Tool(string name, Func<string>? body = null) =>
        AIFunctionFactory.Create(() =>
        {
            Ran.Enqueue(name);
            return body is null ? $"{name} done" : body();
        }, name);

    public AIFunction AsyncTool(string name, Func<Task<string>> body) =>
        AIFunctionFactory.Create(async () =>
        {
            Ran.Enqueue(name);
            return await body();
        }, name);

    public AIFunction[] Tools(params string[] names) => [.. names.Select(n => Tool(n))];
}
