using System.Buffers;
using System.Globalization;
using System.Text.Json;
using NSec.Cryptography;
using Trajeckt.Sealing;

namespace Trajeckt.Audit;

/// <summary>
/// Formats decision log lines (trace lines of docs/replay.md plus the log's keys, docs/rollout.md) and
/// chains them. Used by the log's writer thread only.
/// </summary>
internal sealed class LogLineWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _json;
    private readonly OperatorKeyPair _key;
    private readonly bool _includeMessages;
    private long _seq;
    private string _prev = LogChain.Genesis;

    public LogLineWriter(OperatorKeyPair key, bool includeMessages)
    {
        _key = key;
        _includeMessages = includeMessages;
        _json = new Utf8JsonWriter(_buffer);
    }

    /// <summary>Lines since the last checkpoint.</summary>
    public long SinceCheckpoint { get; private set; }

    /// <summary>The number of lines written.</summary>
    public long Count => _seq;

    public ReadOnlySpan<byte> Call(in LogRecord call, Trust? origin, IReadOnlyList<string>? labels)
    {
        Begin(call.TimestampTicks, call.SessionId);
        if (string.IsNullOrEmpty(call.Tool))
        {
            // The trace format has no call without a tool name; such a call is always refused.
            _json.WriteString("note", $"step {call.Step.ToString(CultureInfo.InvariantCulture)}: a call without a tool name was refused ({ReasonCodes.ToCode(call.Reason)})");
            return End();
        }
        _json.WriteString("call", call.Tool);
        if (origin is { } trust)
            _json.WriteString("origin", trust.ToString());
        if (labels is { Count: > 0 })
        {
            _json.WriteStartArray("labels");
            foreach (var label in labels)
                _json.WriteStringValue(string.IsNullOrEmpty(label) ? "(empty)" : label);
            _json.WriteEndArray();
        }
        var allowed = call.Reason == DecisionReason.None;
        _json.WriteString("expect", allowed ? "allow" : "deny");
        if (!allowed)
            _json.WriteString("reason", ReasonCodes.ToCode(call.Reason));
        if (call.Shadow)
            _json.WriteBoolean("shadow", true);
        WriteMessage(call.Message);
        return End();
    }

    public ReadOnlySpan<byte> Authorization(in LogRecord record)
    {
        Begin(record.TimestampTicks, record.SessionId);
        _json.WriteString("authorize", string.IsNullOrEmpty(record.Tool) ? "(none)" : record.Tool);
        _json.WriteString("by", record.Trust.ToString());
        var accepted = record.Reason == DecisionReason.None;
        _json.WriteString("expect", accepted ? "accepted" : "rejected");
        if (!accepted)
            _json.WriteString("reason", ReasonCodes.ToCode(record.Reason));
        if (record.Shadow)
            _json.WriteBoolean("shadow", true);
        WriteMessage(record.Message);
        return End();
    }

    public ReadOnlySpan<byte> Input(in LogRecord record)
    {
        Begin(record.TimestampTicks, record.SessionId);
        _json.WriteString("input", record.Trust.ToString());
        if (record.Shadow)
            _json.WriteBoolean("shadow", true);
        return End();
    }

    public ReadOnlySpan<byte> Note(long ticks, string sessionId, string note)
    {
        Begin(ticks, sessionId);
        _json.WriteString("note", note);
        return End();
    }

    /// <summary>A signed checkpoint; <paramref name="fileStart"/> marks the first line of a log or of a rolled file.</summary>
    public ReadOnlySpan<byte> Checkpoint(long ticks, bool fileStart)
    {
        _buffer.ResetWrittenCount();
        _json.Reset();
        var seq = _seq + 1;
        var time = Time(ticks);
        var signature = SignatureAlgorithm.Ed25519.Sign(_key.PrivateKey, LogChain.CheckpointMessage(seq, _prev, time, _key.KeyId, fileStart));
        _json.WriteStartObject();
        _json.WriteNumber("seq", seq);
        _json.WriteString("prev", _prev);
        _json.WriteString("time", time);
        _json.WriteString("checkpoint", Convert.ToBase64String(signature));
        _json.WriteString("key", _key.KeyId);
        var line = End();
        SinceCheckpoint = 0;
        return line;
    }

    private void Begin(long ticks, string sessionId)
    {
        _buffer.ResetWrittenCount();
        _json.Reset();
        _json.WriteStartObject();
        _json.WriteNumber("seq", _seq + 1);
        _json.WriteString("prev", _prev);
        _json.WriteString("time", Time(ticks));
        _json.WriteString("session", sessionId);
    }

    private void WriteMessage(string? message)
    {
        if (_includeMessages && !string.IsNullOrEmpty(message))
            _json.WriteString("message", message);
    }

    private ReadOnlySpan<byte> End()
    {
        _json.WriteEndObject();
        _json.Flush();
        var line = _buffer.WrittenSpan;
        _seq++;
        SinceCheckpoint++;
        _prev = LogChain.Hash(line);
        return line;
    }

    private static string Time(long ticks) => new DateTime(ticks, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture);
}
