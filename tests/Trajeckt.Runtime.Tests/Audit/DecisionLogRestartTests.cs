using System.Text;
using Trajeckt.Audit;
using Trajeckt.Runtime.Tests.Support;
using Trajeckt.Sealing;

namespace Trajeckt.Runtime.Tests.Audit;

/// <summary>A log started again on the same folder continues the chain of the newest file there, so no whole file or run can be removed unseen.</summary>
public sealed class DecisionLogRestartTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "trajeckt-restart-" + Guid.NewGuid().ToString("N"));
    private readonly OperatorKeyPair _key = OperatorKeyPair.Generate();

    public void Dispose()
    {
        _key.Dispose();
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void A_second_run_continues_the_first_runs_chain()
    {
        Run(calls: 3);
        Run(calls: 2);

        var files = Files();
        Assert.Equal(2, files.Count);
        var first = DecisionLogVerifier.VerifyFile(files[0], _key.PublicKey);
        var second = DecisionLogVerifier.VerifyFile(files[1], _key.PublicKey);
        Assert.True(first.IsValid, first.Problem);
        Assert.True(second.IsValid, second.Problem);
        Assert.Equal(first.Ends!.LastSeq + 1, second.Ends!.FirstSeq);
        Assert.Equal(LogChain.Hash(Encoding.UTF8.GetBytes(File.ReadAllLines(files[0])[^1])), second.Ends.FirstPrev);
        Assert.Null(DecisionLogVerifier.CheckContinues(first.Ends, "first", second.Ends));
    }

    [Fact]
    public void A_run_removed_between_two_others_is_named()
    {
        Run(calls: 3);
        Run(calls: 2);
        Run(calls: 1);
        var files = Files();
        var ends = files.Select(f => DecisionLogVerifier.VerifyFile(f, _key.PublicKey).Ends!).ToList();

        var gap = DecisionLogVerifier.CheckContinues(ends[0], "first", ends[2]);

        Assert.NotNull(gap);
        Assert.Equal(ends[1].FirstSeq, gap.Value.FirstBadEntry);
        Assert.Contains($"entries {ends[1].FirstSeq} to {ends[1].LastSeq} were removed", gap.Value.Problem);
    }

    [Fact]
    public void A_line_cut_short_by_a_crash_stays_for_the_verifier_and_the_next_run_continues_the_last_whole_line()
    {
        Run(calls: 3);
        var crashed = Files()[0];
        var wholeLines = File.ReadAllLines(crashed);
        File.AppendAllText(crashed, "{\"seq\":99,\"prev\":\"00");

        Run(calls: 1);

        var before = DecisionLogVerifier.VerifyFile(crashed, _key.PublicKey);
        Assert.False(before.IsValid);
        Assert.Contains("is not a log entry", before.Problem);
        var after = DecisionLogVerifier.VerifyFile(Files()[1], _key.PublicKey);
        Assert.True(after.IsValid, after.Problem);
        Assert.Equal(LogChain.Hash(Encoding.UTF8.GetBytes(wholeLines[^1])), after.Ends!.FirstPrev);
    }

    [Fact]
    public void An_empty_newest_file_is_passed_over()
    {
        Run(calls: 2);
        File.WriteAllBytes(Path.Combine(_folder, "decisions-000002.jsonl"), []);

        Run(calls: 1);

        var files = Files();
        Assert.Equal("decisions-000003.jsonl", Path.GetFileName(files[2]));
        var first = DecisionLogVerifier.VerifyFile(files[0], _key.PublicKey).Ends!;
        var third = DecisionLogVerifier.VerifyFile(files[2], _key.PublicKey).Ends!;
        Assert.Null(DecisionLogVerifier.CheckContinues(first, "first", third));
    }

    [Fact]
    public void A_newest_file_that_does_not_end_in_a_log_entry_stops_the_sink_from_opening()
    {
        Run(calls: 2);
        File.AppendAllText(Files()[0], "not a log entry\n");

        var error = Assert.Throws<InvalidDataException>(() => new FileDecisionLogSink(_folder));

        Assert.Contains("decisions-000001.jsonl: its last line is not a decision log entry", error.Message);
        Assert.Single(Files());
    }

    [Fact]
    public void A_fresh_folder_starts_a_chain()
    {
        Run(calls: 1);

        var ends = DecisionLogVerifier.VerifyFile(Files()[0], _key.PublicKey).Ends!;
        Assert.Equal(1, ends.FirstSeq);
        Assert.Equal(LogChain.Genesis, ends.FirstPrev);
    }

    private void Run(int calls)
    {
        using var log = new DecisionLog(new FileDecisionLogSink(_folder), _key);
        var session = TrajecktSession.Create(Policies.Compile("trajectory T { tool a; }"), new TrajecktOptions { DecisionLog = log });
        for (var i = 0; i < calls; i++)
            session.Call("a");
    }

    private List<string> Files() => Directory.GetFiles(_folder, "decisions-*.jsonl").Order(StringComparer.Ordinal).ToList();
}
