using System.Text;
using Trajeckt.Audit;
using Trajeckt.Replay;
using Trajeckt.Runtime.Tests.Support;
using Trajeckt.Sealing;
using Trajeckt.Traj;

namespace Trajeckt.Runtime.Tests.Audit;

/// <summary>The decision log: what it records replays unchanged, and no single-entry tamper goes unnamed.</summary>
public sealed class DecisionLogTests : IDisposable
{
    private const string Policy = """
        trajectory Support {
          tool read_ticket : origin(Untrusted);
          tool read_customer : sensitive(customer-pii);
          tool reply_to_ticket : sink(external);
          tool send_email : sink(external);
          tool save_memory : sink(control);
          plan read_ticket (read_customer | reply_to_ticket | send_email | save_memory)*;
          flow customer-pii -> reply_to_ticket;
        }
        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "trajeckt-log-" + Guid.NewGuid().ToString("N"));
    private readonly OperatorKeyPair _key = OperatorKeyPair.Generate();

    public void Dispose()
    {
        _key.Dispose();
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void A_log_verifies_and_replays_unchanged_against_its_policy()
    {
        var path = WriteLog(checkpointInterval: 4);

        var verification = DecisionLogVerifier.VerifyFile(path, _key.PublicKey);
        Assert.True(verification.IsValid, verification.Problem);

        var trajectory = TrajCompiler.Compile(Policy, "support.traj").Trajectories[0];
        var results = new TraceRunner(trajectory).RunFile(path).ToList();
        Assert.Equal(15, results.Count);
        Assert.All(results, r => Assert.True(r.ExpectationHeld, $"line {r.Event.Line}: expected {r.Expected}, got {r.Actual}"));
        Assert.Contains(results, r => r.Decision == ReplayDecision.Deny && r.Reason == "flow");
        Assert.Contains(results, r => r.Decision == ReplayDecision.Deny && r.Reason == "floor");
        Assert.Contains(results, r => r.Decision == ReplayDecision.Accepted);
        // The reported label was logged on its call: without it the send_email refusal would not replay.
        Assert.Contains("\"labels\":[\"ticket-secret\"]", File.ReadAllText(path));
    }

    [Fact]
    public void Every_single_entry_tamper_is_named_exactly()
    {
        var lines = File.ReadAllLines(WriteLog(checkpointInterval: 3));
        Assert.True(DecisionLogVerifier.Verify(Join(lines), _key.PublicKey).IsValid);

        for (var i = 0; i < lines.Length; i++)
        {
            var seq = i + 1;
            var altered = (string[])lines.Clone();
            altered[i] = Alter(lines[i]);
            AssertNamed(altered, seq, $"altering entry {seq}");

            // Removing the final checkpoint leaves an unsigned tail: named as its first entry.
            var removed = lines.Where((_, j) => j != i).ToArray();
            AssertNamed(removed, i == lines.Length - 1 ? LastCheckpointBefore(lines, i) + 1 : seq, $"removing entry {seq}");

            if (i + 1 < lines.Length)
            {
                var swapped = (string[])lines.Clone();
                (swapped[i], swapped[i + 1]) = (swapped[i + 1], swapped[i]);
                AssertNamed(swapped, seq, $"swapping entries {seq} and {seq + 1}");
            }
        }

        // An entry appended after the last checkpoint, chained correctly, is still named.
        var last = Encoding.UTF8.GetBytes(lines[^1]);
        var forged = $"{{\"seq\":{lines.Length + 1},\"prev\":\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(last))}\",\"session\":\"s\",\"call\":\"send_email\",\"expect\":\"allow\"}}";
        AssertNamed([.. lines, forged], lines.Length + 1, "appending an entry");
    }

    [Fact]
    public void A_log_signed_by_another_key_does_not_verify()
    {
        var path = WriteLog(checkpointInterval: 5);
        using var other = OperatorKeyPair.Generate();
        var verification = DecisionLogVerifier.VerifyFile(path, other.PublicKey);
        Assert.False(verification.IsValid);
        Assert.Equal(1, verification.FirstBadEntry);
    }

    [Fact]
    public void The_allowed_decision_with_logging_on_allocates_nothing_on_the_callers_thread()
    {
        using var log = new DecisionLog(new FileDecisionLogSink(_folder), _key, new DecisionLogOptions { Capacity = 1 << 12 });
        var commitment = Policies.Compile("trajectory T { tool a; tool b; }");
        var session = TrajecktSession.Create(commitment, new TrajecktOptions { DecisionLog = log });
        Assert.True(commitment.TryGetToolId("a", out var a));
        for (var i = 0; i < 2000; i++)
            Allowed(session, a);
        // Steady state: the first round may still see one-time costs (tiered JIT, the first wait for a slow writer on a
        // loaded machine); a whole round of 20,000 logged decisions must then allocate nothing.
        var fewest = long.MaxValue;
        for (var round = 0; round < 3 && fewest > 0; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 20_000; i++)
                Allowed(session, a);
            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        Assert.Equal(0, fewest);
        log.Flush();
        Assert.Null(log.Failure);
    }

    [Fact]
    public void A_rolled_file_verifies_on_its_own()
    {
        using (var log = new DecisionLog(new FileDecisionLogSink(_folder, maxFileBytes: 2000), _key, new DecisionLogOptions { CheckpointInterval = 5 }))
        {
            var session = TrajecktSession.Create(Policies.Compile("trajectory T { tool a; }"), new TrajecktOptions { DecisionLog = log });
            for (var i = 0; i < 200; i++)
                session.Call("a");
        }
        var files = Directory.GetFiles(_folder, "decisions-*.jsonl").Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count > 2);
        Assert.All(files, f => Assert.True(DecisionLogVerifier.VerifyFile(f, _key.PublicKey).IsValid, f));

        // Cutting a file's head off up to a later checkpoint does not make a valid file.
        var lines = File.ReadAllLines(files[1]);
        var middle = Array.FindIndex(lines, 1, l => l.Contains("\"checkpoint\"", StringComparison.Ordinal));
        Assert.False(DecisionLogVerifier.Verify(Join(lines[middle..]), _key.PublicKey).IsValid);
    }

    [Fact]
    public void Rolled_files_are_closed_and_pruned_in_the_background_and_the_bound_holds()
    {
        using (var log = new DecisionLog(new FileDecisionLogSink(_folder, maxFileBytes: 2000, maxFiles: 3), _key, new DecisionLogOptions { CheckpointInterval = 5 }))
        {
            var session = TrajecktSession.Create(Policies.Compile("trajectory T { tool a; }"), new TrajecktOptions { DecisionLog = log });
            for (var i = 0; i < 1000; i++)
                session.Call("a");
            log.Flush();
            Assert.Null(log.Failure);
        }
        var files = Directory.GetFiles(_folder, "decisions-*.jsonl").Order(StringComparer.Ordinal).ToList();

        // Each roll prunes after closing the full file; the last ones still keep the newest three.
        Assert.Equal(3, files.Count);
        Assert.True(string.CompareOrdinal(Path.GetFileName(files[0]), "decisions-000010.jsonl") > 0, files[0]);
        Assert.All(files, f => Assert.True(DecisionLogVerifier.VerifyFile(f, _key.PublicKey).IsValid, f));
    }

    private static void Allowed(TrajecktSession session, ToolId tool)
    {
        var decision = session.Begin(tool);
        session.Complete(in decision);
        if (!decision.IsAllowed)
            throw new InvalidOperationException(decision.Message);
    }

    // Two interleaved sessions: allowed calls, reported labels, a flow refusal, a floor refusal after
    // untrusted input, an accepted authorization.
    private string WriteLog(int checkpointInterval)
    {
        using (var log = new DecisionLog(new FileDecisionLogSink(_folder), _key, new DecisionLogOptions { CheckpointInterval = checkpointInterval }))
        {
            var commitment = Policies.Compile(Policy);
            var options = new TrajecktOptions { DecisionLog = log };
            var first = TrajecktSession.Create(commitment, options);
            var second = TrajecktSession.Create(commitment, options);
            first.Call("read_ticket");
            second.Call("read_ticket");
            first.Call("read_customer");
            second.Call("read_customer", null, "ticket-secret");
            first.Call("reply_to_ticket");
            second.Call("send_email");
            first.Call("send_email");
            second.ObserveInput(Trust.Untrusted);
            second.Call("save_memory");
            second.Authorize("save_memory", Trust.TrustedUser);
            second.Call("save_memory");
            first.Call("read_ticket");
            first.Call("reply_to_ticket");
            second.Call("read_ticket");
            first.Call("read_customer");
        }
        return Directory.GetFiles(_folder, "decisions-*.jsonl").Single();
    }

    private void AssertNamed(string[] lines, long seq, string what)
    {
        var verification = DecisionLogVerifier.Verify(Join(lines), _key.PublicKey);
        Assert.False(verification.IsValid, what);
        Assert.True(seq == verification.FirstBadEntry, $"{what}: named entry {verification.FirstBadEntry} ({verification.Problem})");
    }

    private static long LastCheckpointBefore(string[] lines, int index) =>
        Enumerable.Range(0, index).Last(j => lines[j].Contains("\"checkpoint\"", StringComparison.Ordinal)) + 1;

    // A meaningful edit: a call's decision flipped, else one character of the line changed.
    private static string Alter(string line)
    {
        if (line.Contains("\"expect\":\"deny\"", StringComparison.Ordinal))
            return line.Replace("\"expect\":\"deny\"", "\"expect\":\"allow\"", StringComparison.Ordinal).Replace(",\"reason\":\"flow\"", "", StringComparison.Ordinal);
        if (line.Contains("\"expect\":\"allow\"", StringComparison.Ordinal))
            return line.Replace("\"expect\":\"allow\"", "\"expect\":\"deny\"", StringComparison.Ordinal);
        var at = line.IndexOf("\"time\":\"", StringComparison.Ordinal) + 9;
        return line[..at] + (line[at] == '1' ? '2' : '1') + line[(at + 1)..];
    }

    private static byte[] Join(string[] lines) => Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n")));
}
