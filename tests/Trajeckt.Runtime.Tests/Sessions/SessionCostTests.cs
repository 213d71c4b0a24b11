using Trajeckt.Runtime.Tests.Support;

namespace Trajeckt.Runtime.Tests.Sessions;

/// <summary>
/// What a session costs (issue 13, deliverable 5), measured from the public API. Creating a session
/// allocates only what it keeps, so the bytes allocated by <see cref="TrajecktSession.Create(Commitment?, TrajecktOptions?, Microsoft.Extensions.Logging.ILoggerFactory?)"/>
/// bound what an idle session retains; the heap growth of many live sessions after a full collection
/// measures the retained bytes directly.
/// </summary>
[Collection(DiagnosticsCollection.Name)]
public sealed class SessionCostTests
{
    private const int MaxIdleSessionBytes = 200;

    private static readonly Commitment s_commitment = Policies.Compile("""
        trajectory T {
          tool read : sensitive(secret), origin(CleanWorkspace);
          tool send : sink(external);
          tool save : sink(control);
          flow secret -> send;
          floor CleanWorkspace for save;
        }
        """);

    [Fact]
    public void Creating_an_idle_session_allocates_at_most_200_bytes()
    {
        TrajecktSession.Create(s_commitment);
        const int count = 1_000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < count; i++)
            TrajecktSession.Create(s_commitment);
        var perSession = (GC.GetAllocatedBytesForCurrentThread() - before) / count;
        Assert.True(perSession <= MaxIdleSessionBytes, $"a session allocated {perSession} B at creation");
    }

    [Fact]
    public void Ten_thousand_idle_sessions_retain_at_most_200_bytes_each()
    {
        const int count = 10_000;
        var sessions = new TrajecktSession[count];
        sessions[0] = TrajecktSession.Create(s_commitment);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < count; i++)
            sessions[i] = TrajecktSession.Create(s_commitment);
        var perSession = (GC.GetTotalMemory(forceFullCollection: true) - before) / count;
        GC.KeepAlive(sessions);
        Assert.True(perSession <= MaxIdleSessionBytes, $"an idle session retained {perSession} B");
    }

    [Fact]
    public void A_session_of_a_few_calls_holds_a_few_recorder_entries_not_a_hundred()
    {
        var session = TrajecktSession.Create(s_commitment);
        session.Call("read");
        var before = GC.GetAllocatedBytesForCurrentThread();
        var second = TrajecktSession.Create(s_commitment);
        second.Call("read");
        var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        // Three rings of 100 entries alone were 3,200 B; the first call creates rings of 4.
        Assert.True(bytes <= 600, $"a session with one call allocated {bytes} B");
    }
}
