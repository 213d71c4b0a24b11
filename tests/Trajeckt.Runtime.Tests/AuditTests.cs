using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Trajeckt.Runtime.Tests.Support;

namespace Trajeckt.Runtime.Tests;

/// <summary>Audit through ILogger, the "Trajeckt" ActivitySource and the "Trajeckt" Meter.</summary>
[Collection(DiagnosticsCollection.Name)]
public sealed class AuditTests
{
    private const string Policy = """
        trajectory T {
          tool read : sensitive(secret);
          tool send : sink(external);
          tool save : sink(control);
        }
        """;

    [Fact]
    public void Every_decision_is_logged_with_a_stable_event_id()
    {
        var provider = new RecordingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(provider).SetMinimumLevel(LogLevel.Trace));
        var session = TrajecktSession.Create(Policies.Compile(Policy), new TrajecktOptions { OnViolation = ViolationBehavior.Halt }, factory);
        session.Call("read");
        session.ObserveInput(Trust.Memory);
        session.Authorize("save", Trust.TrustedUser);
        session.Authorize("read", Trust.TrustedUser);
        session.Call("send");

        var events = provider.Entries.Select(e => (e.EventId.Id, e.EventId.Name, e.Level)).ToList();
        Assert.Equal(
            [
                (7, "SessionStarted", LogLevel.Information),
                (1, "CallAllowed", LogLevel.Debug),
                (5, "InputObserved", LogLevel.Debug),
                (3, "AuthorizationAccepted", LogLevel.Information),
                (4, "AuthorizationRejected", LogLevel.Warning),
                (2, "CallRefused", LogLevel.Warning),
                (6, "SessionHalted", LogLevel.Error),
            ],
            events);
        var refused = provider.Entries.Single(e => e.EventId.Id == 2);
        Assert.Contains("flow: label 'secret' (read by read at step 1) may not reach external sink send", refused.Message);
        Assert.Contains(session.Id, refused.Message);
        Assert.Equal("Trajeckt.TrajecktSession", refused.Category);
    }

    [Fact]
    public void Decisions_are_counted_and_refusals_tagged_with_their_reason()
    {
        var measurements = new ConcurrentBag<(string Instrument, long Value, string? Tag)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == TrajecktDiagnostics.MeterName)
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? tag = null;
            foreach (var t in tags)
                tag = t.Value as string;
            measurements.Add((instrument.Name, value, tag));
        });
        listener.Start();

        var session = Policies.Session(Policy);
        session.Call("read");
        session.Call("send");
        session.Call("nope");
        session.Authorize("save", Trust.TrustedUser);
        listener.Dispose();

        // Other tests' sessions may run in parallel: count only this session's pattern.
        Assert.Contains(measurements, m => m.Instrument == TrajecktDiagnostics.AllowedCallsCounterName && m.Value == 1);
        Assert.Contains(measurements, m => m.Instrument == TrajecktDiagnostics.RefusedCallsCounterName && m.Tag == "flow");
        Assert.Contains(measurements, m => m.Instrument == TrajecktDiagnostics.RefusedCallsCounterName && m.Tag == "unknown_tool");
        Assert.Contains(measurements, m => m.Instrument == TrajecktDiagnostics.AuthorizationsCounterName && m.Tag == "accepted");
    }

    [Fact]
    public void Decisions_become_events_on_the_current_activity_when_the_source_is_listened_to()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is TrajecktDiagnostics.ActivitySourceName or "Trajeckt.Tests",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        using var testSource = new ActivitySource("Trajeckt.Tests");
        using var activity = testSource.StartActivity("agent turn");
        Assert.NotNull(activity);

        var session = Policies.Session(Policy);
        session.Call("read");
        session.Call("send");

        var decisions = activity.Events.Where(e => e.Name == TrajecktDiagnostics.DecisionEventName).ToList();
        Assert.Equal(2, decisions.Count);
        var refused = decisions[1].Tags.ToDictionary(t => t.Key, t => t.Value);
        Assert.Equal("deny", refused[TrajecktDiagnostics.DecisionTagName]);
        Assert.Equal("flow", refused[TrajecktDiagnostics.ReasonTagName]);
        Assert.Equal("send", refused[TrajecktDiagnostics.ToolTagName]);
        Assert.Equal(2L, refused[TrajecktDiagnostics.StepTagName]);
        Assert.Equal(session.Id, refused[TrajecktDiagnostics.SessionTagName]);
    }

    [Fact]
    public void A_throwing_logger_changes_no_decision()
    {
        using var factory = LoggerFactory.Create(b => b.AddProvider(new ThrowingLoggerProvider()).SetMinimumLevel(LogLevel.Trace));
        var session = TrajecktSession.Create(Policies.Compile(Policy), null, factory);
        Policies.AssertAllowed(session.Call("read"));
        Policies.AssertRefused(session.Call("send"), DecisionReason.Flow);
    }

    internal sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message);

    internal sealed class RecordingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<LogEntry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new RecordingLogger(categoryName, Entries);

        public void Dispose()
        {
        }

        private sealed class RecordingLogger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception)));
        }
    }

    private sealed class ThrowingLoggerProvider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ThrowingLogger();

        public void Dispose()
        {
        }

        private sealed class ThrowingLogger : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                throw new InvalidOperationException("the log sink is down");
        }
    }
}
