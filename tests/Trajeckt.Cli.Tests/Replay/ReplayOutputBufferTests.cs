using System.Text;

namespace Trajeckt.Cli.Tests.Replay;

/// <summary>
/// The console path of <c>trajeckt</c> (<see cref="CliApp.RunWithBufferedOutput"/>, what Program runs)
/// buffers standard output: a replay does not cost a write per event line, and nothing is lost or reordered.
/// </summary>
public sealed class ReplayOutputBufferTests
{
    private const int Events = 10_000;

    [Fact]
    public void A_long_replay_writes_its_output_in_few_large_writes_and_loses_nothing()
    {
        using var files = new TempFolder();
        var policy = files.File("policy.traj", "trajectory T { tool a; tool b; }");
        var trace = files.File("trace.jsonl", string.Concat(Enumerable.Repeat("{\"call\": \"a\", \"expect\": \"allow\"}\n", Events)));
        var stdout = new CountingStream();
        var stderr = new StringWriter();

        var code = CliApp.RunWithBufferedOutput(["replay", policy, trace], stdout, stderr);

        Assert.Equal(0, code);
        var lines = Encoding.UTF8.GetString(stdout.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Events + 1, lines.Length);
        Assert.StartsWith($"replay T: {Events} steps", lines[^1]);
        // A write per buffer of tens of KiB, not one per ~50-byte line.
        Assert.InRange(stdout.Writes, 1, Events / 100);
        Assert.Equal("", stderr.ToString());
    }

    [Fact]
    public void Output_before_an_error_is_flushed_before_the_error_and_the_exit_code_is_kept()
    {
        using var files = new TempFolder();
        var policy = files.File("policy.traj", "trajectory T { tool a; plan a; }");
        var trace = files.File("trace.jsonl", "{\"call\": \"a\", \"expect\": \"allow\"}\n{\"call\": \"a\", \"expect\": \"allow\"}\n");
        var stdout = new CountingStream();
        var log = new List<string>();
        var stderr = new RecordingWriter(log, stdout);

        var code = CliApp.RunWithBufferedOutput(["replay", policy, trace], stdout, stderr);

        Assert.Equal(1, code);
        // When the expectation failure reached standard error, both result lines were already out.
        var failure = Assert.Single(log, entry => entry.Contains("expectation failed", StringComparison.Ordinal));
        Assert.StartsWith("out=2 lines|", failure);
        Assert.Contains("[expected allow, got deny (transition)]", Encoding.UTF8.GetString(stdout.ToArray()));
    }

    private sealed class CountingStream : MemoryStream
    {
        public int Writes { get; private set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Writes++;
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Writes++;
            base.Write(buffer);
        }
    }

    // Records each error line with how many output lines had been written by then.
    private sealed class RecordingWriter(List<string> log, MemoryStream output) : StringWriter
    {
        public override void WriteLine(string? value) =>
            log.Add($"out={Encoding.UTF8.GetString(output.ToArray()).Count(c => c == '\n')} lines|{value}");
    }
}
