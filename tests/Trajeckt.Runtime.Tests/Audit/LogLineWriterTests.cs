using System.Text;
using Trajeckt.Audit;
using Trajeckt.Sealing;

namespace Trajeckt.Runtime.Tests.Audit;

/// <summary>The decision log writer's own work per line: no allocation, and the chain hash it writes is the verifier's.</summary>
public sealed class LogLineWriterTests : IDisposable
{
    private readonly OperatorKeyPair _key = OperatorKeyPair.Generate();

    public void Dispose() => _key.Dispose();

    [Fact]
    public void A_call_line_allocates_nothing_on_the_writer_thread()
    {
        var lines = new LogLineWriter(_key, includeMessages: true);
        var record = new LogRecord { Kind = LogRecordKind.Call, SessionId = "s1", Step = 1, TimestampTicks = DateTime.UtcNow.Ticks, Tool = "search_kb" };
        for (var i = 0; i < 2000; i++)
            lines.Call(in record, Trust.ToolOutput, null);

        // Steady state: the JIT's tiering may still allocate on this thread during the first rounds.
        var fewest = long.MaxValue;
        for (var round = 0; round < 3 && fewest > 0; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 10_000; i++)
            {
                record.Step = i;
                lines.Call(in record, Trust.ToolOutput, null);
            }
            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        Assert.Equal(0, fewest);
    }

    [Fact]
    public void Each_line_carries_the_hash_of_the_line_before_and_the_round_trip_time()
    {
        var lines = new LogLineWriter(_key, includeMessages: false);
        var ticks = new DateTime(2026, 12, 4, 23, 59, 1, DateTimeKind.Utc).AddTicks(1234567).Ticks;
        var record = new LogRecord { Kind = LogRecordKind.Call, SessionId = "s1", Step = 1, TimestampTicks = ticks, Tool = "a" };

        var first = lines.Checkpoint(ticks, fileStart: true).ToArray();
        var second = Encoding.UTF8.GetString(lines.Call(in record, null, null));

        Assert.Contains($"\"prev\":\"{LogChain.Hash(first)}\"", second);
        Assert.Contains("\"time\":\"2026-12-04T23:59:01.1234567Z\"", second);
        Assert.Contains($"\"prev\":\"{LogChain.Genesis}\"", Encoding.UTF8.GetString(first));
    }
}
