using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Trajeckt.Traj.Graph;

namespace Trajeckt.Analyzers.Order;

/// <summary>
/// A trajectory the project's code is checked against: the graph the generator compiled into the assembly
/// (its <c>[assembly: TrajecktGraph(name, encoding)]</c>), decoded by the one Traj decoder, so the order
/// check uses exactly the graph that is sealed and enforced. Also the plan states reachable from each state,
/// which is where a call the analysis cannot follow may leave the frontier.
/// </summary>
internal sealed class CommittedGraph
{
    private const string GraphAttribute = "Trajeckt.Interception.TrajecktGraphAttribute";

    private readonly int[][] _reachable;

    private CommittedGraph(CompiledGraph graph)
    {
        Graph = graph;
        _reachable = new int[graph.StateCount][];
        for (var state = 0; state < graph.StateCount; state++)
            _reachable[state] = Reach(graph, state);
    }

    public CompiledGraph Graph { get; }

    public string Name => Graph.Name;

    /// <summary>The states reachable from <paramref name="state"/> in zero or more calls, ascending.</summary>
    public IReadOnlyList<int> ReachableFrom(int state) => _reachable[state];

    /// <summary>The graphs compiled into <paramref name="compilation"/>'s assembly; empty when there are none or one does not decode.</summary>
    public static ImmutableArray<CommittedGraph> FromAssembly(Compilation compilation)
    {
        var graphs = ImmutableArray.CreateBuilder<CommittedGraph>();
        foreach (var attribute in compilation.Assembly.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() != GraphAttribute)
                continue;
            if (attribute.ConstructorArguments.Length != 2 || attribute.ConstructorArguments[1].Value is not string encoding)
                return ImmutableArray<CommittedGraph>.Empty;
            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(encoding);
            }
            catch (FormatException)
            {
                return ImmutableArray<CommittedGraph>.Empty;
            }
            // A graph the runtime would reject is no basis for a build error: check nothing rather than guess.
            if (!GraphDecoder.TryDecode(bytes, out var graph, out _))
                return ImmutableArray<CommittedGraph>.Empty;
            graphs.Add(new CommittedGraph(graph));
        }
        return graphs.ToImmutable();
    }

    private static int[] Reach(CompiledGraph graph, int start)
    {
        var seen = new HashSet<int> { start };
        var queue = new Queue<int>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            foreach (var (_, target) in graph.GetTransitions(queue.Dequeue()))
            {
                if (seen.Add(target))
                    queue.Enqueue(target);
            }
        }
        return seen.OrderBy(s => s).ToArray();
    }
}
