using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Trajeckt.Audit;
using Trajeckt.Replay;
using Trajeckt.Runtime.Tests.Support;
using Trajeckt.Sealing;
using Trajeckt.Traj;
using static Trajeckt.Runtime.Tests.AuditTests;

namespace Trajeckt.Runtime.Tests.Audit;

/// <summary>
/// Shadow mode is loud (docs/rollout.md): the real "Trajeckt" meter counts every would-be refusal by its reason,
/// a real logger gets a warning when a shadow session starts, and a forged graph is still refused.
/// </summary>
[Collection(DiagnosticsCollection.Name)]
public sealed class ShadowVisibilityTests
{
    private const string Policy = ShadowModeTests.Policy;

    // The same tools with no plan and every flow allowed: what a forger would like the seal to cover.
    private const string Forged = """
        trajectory T {
          tool read_ticket;
          tool read_customer : sensitive(customer-pii);
          tool reply : sink(external);
          tool send_email : sink(external);
          flow customer-pii -> reply;
          flow customer-pii -> send_email;
        }
        """;

    [Fact]
    public void Each_would_be_refusal_is_counted_once_under_its_reason_and_nothing_else_is()
    {
        using var meter = new WouldRefuseRecorder();

        var shadow = TrajecktSession.Create(Policies.Compile(Policy), new TrajecktOptions { Shadow = true });
        Assert.False(shadow.Call("read_ticket").WouldRefuse);
        Assert.Equal(DecisionReason.Transition, shadow.Call("read_customer").WouldRefuseReason);
        Assert.False(shadow.Call("reply").WouldRefuse);
        Assert.Equal(DecisionReason.Flow, shadow.Call("send_email").WouldRefuseReason);
        Assert.Equal(DecisionReason.UnknownTool, shadow.Call("delete_account").WouldRefuseReason);
        Assert.Equal(DecisionReason.Flow, shadow.Call("send_email").WouldRefuseReason);

        // Enforcement refuses the same calls: they are refusals, not would-be refusals.
        var enforcing = Policies.Session(Policy);
        enforcing.Call("read_ticket");
        Policies.AssertRefused(enforcing.Call("read_customer"), DecisionReason.Transition);
        Policies.AssertRefused(enforcing.Call("delete_account"), DecisionReason.UnknownTool);

        Assert.Equal(
            [("flow", 2L), ("transition", 1L), ("unknown_tool", 1L)],
            meter.Totals());
    }

    [Fact]
    public void A_shadow_session_warns_when_it_starts_and_each_would_be_refusal_is_a_warning()
    {
        var provider = new RecordingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(provider).SetMinimumLevel(LogLevel.Warning));

        var session = TrajecktSession.Create(Policies.Compile(Policy), new TrajecktOptions { Shadow = true }, factory);
        session.Call("read_ticket");
        session.Call("read_customer");

        var entries = provider.Entries.ToList();
        Assert.Equal([(9, "ShadowSessionStarted"), (10, "CallWouldBeRefused")], entries.Select(e => (e.EventId.Id, e.EventId.Name!)));
        Assert.All(entries, e => Assert.Equal(LogLevel.Warning, e.Level));
        Assert.Equal($"Session {session.Id} runs in SHADOW MODE: calls the policy refuses will RUN and are only logged as would-refuse", entries[0].Message);
        Assert.Contains("read_customer would be refused (transition) and runs in shadow mode", entries[1].Message);
    }

    [Fact]
    public void Without_a_logger_the_first_shadow_session_of_the_process_warns_on_standard_error_once()
    {
        var original = Console.Error;
        using var error = new StringWriter();
        UnloggedShadowNotice.Reset();
        Console.SetError(error);
        try
        {
            TrajecktSession.Create(Policies.Compile(Policy), new TrajecktOptions()).Call("read_ticket");
            // Replaying a logged shadow run is the tool's business, not a deployment in shadow mode.
            using (var trace = new TraceReader(new StringReader("{\"session\": \"s1\", \"call\": \"read_customer\", \"expect\": \"deny\", \"reason\": \"transition\", \"shadow\": true}\n"), "t.jsonl"))
                Assert.Single(new TraceRunner(TrajCompiler.Compile(Policy, "t.traj").Trajectories[0]).Run(trace));
            var provider = new RecordingLoggerProvider();
            using (var factory = LoggerFactory.Create(b => b.AddProvider(provider)))
                TrajecktSession.Create(Policies.Compile(Policy), new TrajecktOptions { Shadow = true }, factory);
            Assert.Equal("", error.ToString());

            var first = TrajecktSession.Create(Policies.Compile(Policy), new TrajecktOptions { Shadow = true });
            var second = TrajecktSession.Create(Policies.Compile(Policy), new TrajecktOptions { Shadow = true });

            var written = error.ToString();
            Assert.StartsWith($"trajeckt: warning: session {first.Id} runs in SHADOW MODE: calls the policy refuses will RUN", written);
            Assert.Contains("trajeckt.shadow.would_refuse", written);
            Assert.DoesNotContain(second.Id, written);
            Assert.Single(written.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            Console.SetError(original);
        }
    }

    [Fact]
    public void An_enforcing_session_logs_no_shadow_warning()
    {
        var provider = new RecordingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(provider).SetMinimumLevel(LogLevel.Warning));

        TrajecktSession.Create(Policies.Compile(Policy), new TrajecktOptions(), factory).Call("read_ticket");

        Assert.DoesNotContain(provider.Entries, e => e.EventId.Id is 9 or 10);
    }

    [Fact]
    public void A_forged_graph_is_refused_in_shadow_mode_with_a_warning_that_says_so_and_no_would_be_refusal()
    {
        using var key = OperatorKeyPair.Generate();
        var store = new TrustStore([key.PublicKey]);
        var genuine = TrajCompiler.Compile(Policy, "t.traj").Trajectories[0].Encoding;
        var forged = TrajCompiler.Compile(Forged, "t.traj").Trajectories[0].Encoding;
        var seal = SealFile.Format(Sealer.Sign(genuine, key));
        Assert.True(CommitmentLoader.Load(genuine, seal, store).Succeeded);
        var load = CommitmentLoader.Load(forged, seal, store);
        Assert.Equal(DecisionReason.SealInvalid, load.FailureReason);

        using var meter = new WouldRefuseRecorder();
        var provider = new RecordingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(provider).SetMinimumLevel(LogLevel.Warning));
        var session = TrajecktSession.Create(load, new TrajecktOptions { Shadow = true }, factory);

        foreach (var tool in new[] { "read_ticket", "read_customer", "send_email" })
        {
            var decision = session.Call(tool);
            Policies.AssertRefused(decision, DecisionReason.SealInvalid);
            Assert.False(decision.WouldRefuse);
        }
        Assert.Empty(meter.Totals());
        var warning = provider.Entries.Single(e => e.EventId.Id == 9);
        Assert.Contains("no usable commitment (seal_invalid), so every call is still refused", warning.Message);
    }

    /// <summary>Listens to the real meter's would-refuse counter and sums it by reason.</summary>
    private sealed class WouldRefuseRecorder : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(string Reason, long Value)> _measurements = new();

        public WouldRefuseRecorder()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == TrajecktDiagnostics.MeterName && instrument.Name == TrajecktDiagnostics.WouldRefuseCounterName)
                    listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                var reason = "(no reason tag)";
                foreach (var tag in tags)
                {
                    if (tag.Key == TrajecktDiagnostics.ReasonTagName)
                        reason = tag.Value as string ?? "(null)";
                }
                _measurements.Enqueue((reason, value));
            });
            _listener.Start();
        }

        public IReadOnlyList<(string Reason, long Total)> Totals() =>
            _measurements.GroupBy(m => m.Reason, StringComparer.Ordinal)
                .Select(g => (g.Key, g.Sum(m => m.Value)))
                .OrderBy(t => t.Key, StringComparer.Ordinal)
                .ToList();

        public void Dispose() => _listener.Dispose();
    }
}
