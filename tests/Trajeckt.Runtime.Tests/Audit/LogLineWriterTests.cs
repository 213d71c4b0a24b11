using System.Text;
using CsCheck;
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

    // Plain characters, every character JSON's default encoder escapes, a control, non-ASCII and a lone surrogate.
    private static readonly Gen<string> s_text = Gen.Frequency(
        (4, Gen.Char["abz_AZ09-.:/@ "].Array[1, 12].Select(c => new string(c))),
        (1, Gen.Char["ab\"\\&'+<>`\n\u0001\u00e9\u4e2d\ud800() "].Array[0, 8].Select(c => new string(c))));

    private static readonly Gen<LogRecord> s_calls =
        Gen.Select(s_text, s_text, Gen.Enum<DecisionReason>(), Gen.Bool, s_text.Null(), Gen.Long[0, DateTime.MaxValue.Ticks])
            .Select((session, tool, reason, shadow, message, ticks) => new LogRecord
            {
                Kind = LogRecordKind.Call, SessionId = session, Tool = tool, Reason = reason, Shadow = shadow, Message = message, TimestampTicks = ticks,
            });

    private static readonly Gen<(LogRecord Call, Trust? Origin, string[]? Labels)> s_lines =
        Gen.Select(s_calls, Gen.Enum<Trust>().Nullable(), s_text.Array[0, 3].Null());

    [Fact]
    public void Plain_lines_written_by_hand_are_the_JSON_writers_bytes()
    {
        Gen.Select(s_lines.Array[1, 20], Gen.Bool).Sample((lines, includeMessages) =>
        {
            var byHand = new LogLineWriter(_key, includeMessages);
            var byJsonWriter = new LogLineWriter(_key, includeMessages, formatPlainLines: false);
            foreach (var (call, origin, labels) in lines)
            {
                var expected = byJsonWriter.Call(in call, origin, labels).ToArray();
                Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(byHand.Call(in call, origin, labels)));
            }
        }, iter: 3000);
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
