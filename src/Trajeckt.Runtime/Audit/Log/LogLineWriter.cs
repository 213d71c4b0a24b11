using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using NSec.Cryptography;
using Trajeckt.Sealing;

namespace Trajeckt.Audit;

/// <summary>
/// Formats decision log lines (trace lines of docs/replay.md plus the log's keys, docs/rollout.md) and
/// chains them. Used by the log's writer thread only. A call, authorization or input line allocates
/// nothing: the chain hash and the time are formatted into reused buffers (only a checkpoint, every
/// <see cref="DecisionLogOptions.CheckpointInterval"/> lines, makes strings), so the writer's cost per
/// decision is formatting, SHA-256 (<see cref="ChainHasher"/>) and the sink.
/// </summary>
internal sealed class LogLineWriter
{
    private static readonly JsonEncodedText s_seq = JsonEncodedText.Encode("seq");
    private static readonly JsonEncodedText s_prev = JsonEncodedText.Encode("prev");
    private static readonly JsonEncodedText s_time = JsonEncodedText.Encode("time");
    private static readonly JsonEncodedText s_session = JsonEncodedText.Encode("session");

    // Trust.ToString() allocates on every call; its 256 possible texts are made once.
    private static readonly string[] s_trustNames = Enumerable.Range(0, 256).Select(value => ((Trust)value).ToString()).ToArray();

    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _json;
    private readonly OperatorKeyPair _key;
    private readonly ChainHasher _hasher;
    private readonly PlainJsonLine _plain = new();
    private readonly bool _formatPlainLines;
    private readonly bool _includeMessages;
    private readonly byte[] _prev;
    private readonly byte[] _time = new byte[40];
    private long _seq;

    /// <param name="key">Signs the checkpoints.</param>
    /// <param name="includeMessages">Whether lines carry the runtime's messages.</param>
    /// <param name="tail">Where the log this one continues ends; <see langword="null"/> to start a chain (<c>seq</c> 1 after the genesis hash).</param>
    /// <param name="hasher">The chain's SHA-256; <see langword="null"/> for <see cref="ChainHasher.Shared"/>.</param>
    /// <param name="formatPlainLines">Whether plain call lines are written by hand (<see cref="PlainJsonLine"/>); tests turn it off to compare.</param>
    public LogLineWriter(OperatorKeyPair key, bool includeMessages, LogChainTail? tail = null, ChainHasher? hasher = null, bool formatPlainLines = true)
    {
        _key = key;
        _seq = tail?.Seq ?? 0;
        _prev = tail?.HashBytes() ?? Encoding.ASCII.GetBytes(LogChain.Genesis);
        _hasher = hasher ?? ChainHasher.Shared;
        _formatPlainLines = formatPlainLines;
        _includeMessages = includeMessages;
        _json = new Utf8JsonWriter(_buffer);
    }

    /// <summary>Lines since the last checkpoint.</summary>
    public long SinceCheckpoint { get; private set; }

    public ReadOnlySpan<byte> Call(in LogRecord call, Trust? origin, IReadOnlyList<string>? labels)
    {
        if (_formatPlainLines && !string.IsNullOrEmpty(call.Tool) && TryPlainCall(in call, origin, labels))
            return Chain(_plain.Written);
        Begin(call.TimestampTicks, call.SessionId);
        if (string.IsNullOrEmpty(call.Tool))
        {
            // The trace format has no call without a tool name; such a call is always refused.
            _json.WriteString("note", $"step {call.Step.ToString(CultureInfo.InvariantCulture)}: a call without a tool name was refused ({ReasonCodes.ToCode(call.Reason)})");
            return End();
        }
        _json.WriteString("call", call.Tool);
        if (origin is { } trust)
            _json.WriteString("origin", TrustName(trust));
        if (labels is { Count: > 0 })
        {
            _json.WriteStartArray("labels");
            for (var i = 0; i < labels.Count; i++)
                _json.WriteStringValue(LabelText(labels[i]));
            _json.WriteEndArray();
        }
        return EndDecision(in call, "allow", "deny");
    }

    // The same line as the JSON writer path above, byte for byte, when every string in it is plain.
    private bool TryPlainCall(in LogRecord call, Trust? origin, IReadOnlyList<string>? labels)
    {
        var line = _plain;
        line.Clear();
        if (!(line.Raw("{\"seq\":"u8) && line.Number(_seq + 1)
            && line.Raw(",\"prev\":\""u8) && line.Raw(_prev)
            && line.Raw("\",\"time\":\""u8) && line.Raw(Time(call.TimestampTicks))
            && line.Raw("\",\"session\":"u8) && line.String(call.SessionId)
            && line.Raw(",\"call\":"u8) && line.String(call.Tool!)))
            return false;
        if (origin is { } trust && !(line.Raw(",\"origin\":"u8) && line.String(TrustName(trust))))
            return false;
        if (labels is { Count: > 0 })
        {
            if (!line.Raw(",\"labels\":["u8))
                return false;
            for (var i = 0; i < labels.Count; i++)
            {
                if ((i > 0 && !line.Raw(","u8)) || !line.String(LabelText(labels[i])))
                    return false;
            }
            if (!line.Raw("]"u8))
                return false;
        }
        var granted = call.Reason == DecisionReason.None;
        if (!line.Raw(granted ? ",\"expect\":\"allow\""u8 : ",\"expect\":\"deny\""u8))
            return false;
        if (!granted && !(ReasonCodes.ToCode(call.Reason) is { } reason && line.Raw(",\"reason\":"u8) && line.String(reason)))
            return false;
        if (call.Shadow && !line.Raw(",\"shadow\":true"u8))
            return false;
        if (_includeMessages && !string.IsNullOrEmpty(call.Message) && !(line.Raw(",\"message\":"u8) && line.String(call.Message)))
            return false;
        return line.Raw("}"u8);
    }

    private static string LabelText(string label) => string.IsNullOrEmpty(label) ? "(empty)" : label;

    public ReadOnlySpan<byte> Authorization(in LogRecord record)
    {
        Begin(record.TimestampTicks, record.SessionId);
        _json.WriteString("authorize", string.IsNullOrEmpty(record.Tool) ? "(none)" : record.Tool);
        _json.WriteString("by", TrustName(record.Trust));
        return EndDecision(in record, "accepted", "rejected");
    }

    public ReadOnlySpan<byte> Input(in LogRecord record)
    {
        Begin(record.TimestampTicks, record.SessionId);
        _json.WriteString("input", TrustName(record.Trust));
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
        var time = Encoding.ASCII.GetString(Time(ticks));
        var signature = SignatureAlgorithm.Ed25519.Sign(_key.PrivateKey, LogChain.CheckpointMessage(seq, Encoding.ASCII.GetString(_prev), time, _key.KeyId, fileStart));
        _json.WriteStartObject();
        _json.WriteNumber(s_seq, seq);
        _json.WriteString(s_prev, _prev);
        _json.WriteString(s_time, time);
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
        _json.WriteNumber(s_seq, _seq + 1);
        _json.WriteString(s_prev, _prev);
        _json.WriteString(s_time, Time(ticks));
        _json.WriteString(s_session, sessionId);
    }

    // The outcome of a call or an authorization: expect (and why not), shadow, and the runtime's message.
    private ReadOnlySpan<byte> EndDecision(in LogRecord record, string yes, string no)
    {
        var granted = record.Reason == DecisionReason.None;
        _json.WriteString("expect", granted ? yes : no);
        if (!granted)
            _json.WriteString("reason", ReasonCodes.ToCode(record.Reason));
        if (record.Shadow)
            _json.WriteBoolean("shadow", true);
        if (_includeMessages && !string.IsNullOrEmpty(record.Message))
            _json.WriteString("message", record.Message);
        return End();
    }

    private ReadOnlySpan<byte> End()
    {
        _json.WriteEndObject();
        _json.Flush();
        return Chain(_buffer.WrittenSpan);
    }

    // Numbers the finished line and hashes it into the next line's prev.
    private ReadOnlySpan<byte> Chain(ReadOnlySpan<byte> line)
    {
        _seq++;
        SinceCheckpoint++;
        LogChain.Hash(_hasher, line, _prev);
        return line;
    }

    private static string TrustName(Trust trust) => s_trustNames[(byte)trust];

    // The round-trip ("O") form, as the verifier and replay read it, as UTF-8.
    private ReadOnlySpan<byte> Time(long ticks)
    {
        if (!new DateTime(ticks, DateTimeKind.Utc).TryFormat(_time, out var written, "O", CultureInfo.InvariantCulture))
            throw new InvalidOperationException("a round-trip time does not fit its buffer");
        return _time.AsSpan(0, written);
    }
}
