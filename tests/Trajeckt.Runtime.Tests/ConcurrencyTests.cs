using System.Collections.Concurrent;
using Trajeckt.Runtime.Tests.Support;
using Trajeckt.TestSupport.Reference;

namespace Trajeckt.Runtime.Tests;

/// <summary>
/// Events decided in parallel in one session serialize in the order of their steps: replaying that
/// order sequentially (through the reference model and a fresh session) gives the same outcomes, and
/// no step or allowed call is lost. Runs alone: it keeps every core busy, which would slow (and be
/// slowed by) timing- and memory-sensitive tests running beside it.
/// </summary>
[Collection(DiagnosticsCollection.Name)]
public sealed class ConcurrencyTests
{
    private const int Threads = 4;

    [Fact]
    public void Parallel_events_decide_as_their_step_order_does_sequentially()
    {
        var interleavings = 0;
        for (var seed = 0; seed < 25; seed++)
        {
            var random = new Random(seed);
            var graph = RandomGraphs.Create(random);
            var halt = seed % 3 == 0;
            var tools = graph.Tools.Select(t => t.Name).ToArray();
            var perThread = Enumerable.Range(0, Threads)
                .Select(_ => WithoutReportedOutput(ReferenceModelPropertyTests.RandomEvents(random, tools, graph.Labels.ToArray())).Concat(
                    WithoutReportedOutput(ReferenceModelPropertyTests.RandomEvents(random, tools, graph.Labels.ToArray()))).ToList())
                .ToList();
            var onViolation = halt ? ViolationBehavior.Halt : ViolationBehavior.Refuse;
            var heuristic = seed % 4 == 1;
            var effects = graph.Tools.ToDictionary(t => t.Name, t => t.Effects, StringComparer.Ordinal);
            TrajecktSession NewSession() => heuristic
                ? TrajecktSession.CreateHeuristic(effects, Policies.Uncommitted(onViolation))
                : TrajecktSession.Create(Commitment.FromVerifiedGraph(graph, []), new TrajecktOptions { OnViolation = onViolation });

            var observed = RunInParallel(NewSession(), perThread);

            var ordered = observed.OrderBy(o => o.Outcome.Step).ToList();
            Assert.Equal(Enumerable.Range(1, ordered.Count).Select(i => (long)i), ordered.Select(o => o.Outcome.Step));
            // Threads that ran one after the other switch Threads - 1 times; more means they interleaved.
            interleavings += ordered.Zip(ordered.Skip(1)).Count(p => p.First.Thread != p.Second.Thread) - (Threads - 1);
            var events = ordered.Select(o => o.Event).ToList();
            var actual = ordered.Select(o => o.Outcome).ToList();
            var reference = heuristic ? ReferenceSession.Heuristic(effects, halt) : ReferenceSession.Committed(graph, halt);
            Assert.Equal(ReferenceModel.Evaluate(reference, events), actual);
            Assert.Equal(EngineDriver.Run(NewSession(), events), actual);
        }
        Assert.True(interleavings >= 25, $"the threads interleaved only {interleavings} times: too little overlap for the comparison to show anything");
    }

    [Fact]
    public void The_budget_allows_exactly_its_number_of_calls_under_contention()
    {
        const int callsPerThread = 50_000;
        const int budget = callsPerThread * Threads / 2;
        var session = TrajecktSession.Create(Commitment.FromVerifiedGraph(RandomGraphs.Wildcard(4, budget), []));
        var allowed = 0;
        var steps = new long[Threads][];
        using var start = new Barrier(Threads);
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            var mine = steps[t] = new long[callsPerThread];
            var tool = new ToolId(t, $"tool{t:D6}");
            start.SignalAndWait();
            for (var i = 0; i < callsPerThread; i++)
            {
                var decision = session.Begin(tool);
                mine[i] = decision.Step;
                if (decision.IsAllowed)
                    Interlocked.Increment(ref allowed);
                session.Complete(in decision);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        // No lost update: every step number is used exactly once, and the budget is met exactly.
        Assert.Equal(budget, allowed);
        Assert.Equal(Enumerable.Range(1, callsPerThread * Threads).Select(i => (long)i), steps.SelectMany(s => s).Order());
    }

    private static IEnumerable<ReferenceEvent> WithoutReportedOutput(IEnumerable<ReferenceEvent> events) =>
        events.Select(e => e is CallEvent c ? new CallEvent(c.Tool) : e);

    private static List<(int Thread, ReferenceEvent Event, ReferenceOutcome Outcome)> RunInParallel(TrajecktSession session, List<List<ReferenceEvent>> perThread)
    {
        var results = new ConcurrentBag<(int, ReferenceEvent, ReferenceOutcome)>();
        using var start = new Barrier(perThread.Count);
        var threads = perThread.Select((events, index) => new Thread(() =>
        {
            start.SignalAndWait();
            foreach (var e in events)
            {
                results.Add((index, e, EngineDriver.Apply(session, e)));
                // Events take well under a microsecond: spread them out so the threads overlap.
                Thread.SpinWait(5_000);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return results.ToList();
    }
}
