using System.Collections.Concurrent;

namespace Trajeckt.Mcp.Tests.Infrastructure;

/// <summary>What the tools of one test server ran, in order: a refused call must leave no entry.</summary>
public sealed class ToolLog
{
    private readonly ConcurrentQueue<string> _ran = new();

    public IReadOnlyList<string> Ran => [.. _ran];

    public void Add(string tool) => _ran.Enqueue(tool);
}
