using Trajeckt.Replay;
using Trajeckt.Runtime.Tests.Support;

namespace Trajeckt.Runtime.Tests.Replay;

// It measures the process-wide heap, so it runs alone, after the parallel tests.
[Collection(DiagnosticsCollection.Name)]
public sealed class LargeTraceTests
{
    private const int EventCount = 1_000_000;

    [Fact]
    public void A_million_event_trace_streams_through_reader_and_runner_in_bounded_memory()
    {
        var runner = new TraceRunner(Policies.Compile("""
            trajectory Loop {
              tool read_customer : sensitive(customer-pii);
              tool search_kb;
              tool reply : sink(external);
              flow customer-pii -> reply;
            }
            """));
        using var reader = new TraceReader(new GeneratedTrace(EventCount), "generated.jsonl");
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var maxHeapGrowth = 0L;
        var steps = 0;
        var failed = 0;

        foreach (var result in runner.Run(reader))
        {
            steps++;
            if (!result.ExpectationHeld)
                failed++;
            if (steps % 100_000 == 0)
                maxHeapGrowth = Math.Max(maxHeapGrowth, GC.GetTotalMemory(forceFullCollection: true) - heapBefore);
        }

        Assert.Equal(EventCount, steps);
        Assert.Equal(0, failed);
        // A list of a million events alone would be well over 100 MB; the live heap must not grow with the trace.
        Assert.True(maxHeapGrowth < 8 * 1024 * 1024, $"live heap grew by {maxHeapGrowth:N0} bytes");
    }

    /// <summary>
    /// A trace made up as it is read: no file, no string of the whole trace. Four lines repeat, each
    /// with its expectation, plus a note every so often (not a step).
    /// </summary>
    private sealed class GeneratedTrace(int events) : TextReader
    {
        private static readonly string[] s_lines =
        [
            "{\"call\": \"search_kb\", \"expect\": \"allow\"}\n",
            "{\"call\": \"read_customer\", \"labels\": [\"customer-pii\"], \"expect\": \"allow\"}\n",
            "{\"call\": \"reply\", \"expect\": \"allow\"}\n",
            "{\"input\": \"External\"}\n",
        ];

        private int _emitted;
        private string _current = "";
        private int _position;

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            if (_position == _current.Length)
            {
                if (_emitted == events)
                    return 0;
                _current = _emitted % 1000 == 999 ? "{\"note\": \"checkpoint\"}\n" + s_lines[_emitted % 4] : s_lines[_emitted % 4];
                _emitted++;
                _position = 0;
            }
            var take = Math.Min(buffer.Length, _current.Length - _position);
            _current.AsSpan(_position, take).CopyTo(buffer);
            _position += take;
            return take;
        }
    }
}
