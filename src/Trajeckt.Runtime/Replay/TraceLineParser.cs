using System.Text;
using System.Text.Json;
using Trajeckt.Traj.Syntax;

namespace Trajeckt.Replay;

/// <summary>
/// Parses one non-blank trace line (docs/semantics.md, traces) with a <see cref="Utf8JsonReader"/>, strictly:
/// every key known and allowed for the line's kind, none twice, every value of its exact type.
/// Errors point at the offending token.
/// </summary>
internal sealed class TraceLineParser
{
    // The first six keys are the kinds of line; a line has exactly one of them. Session to Key are the
    // decision log's keys (docs/rollout.md): replay accepts and ignores them, so a log replays unchanged.
    private enum Key { Call, Authorize, Input, Note, Options, Checkpoint, By, Origin, Labels, Expect, Reason, Session, Seq, Prev, Time, Message, Shadow, LogKey }

    private const int KeyCount = 18;
    private const int KindCount = 6;
    private const string KindList = "'call', 'authorize', 'input', 'note', 'options' or 'checkpoint'";
    private const string KeyList = "call, authorize, input, note, options, checkpoint, by, origin, labels, expect, reason and the decision log's session, seq, prev, time, message, shadow and key";

    private static readonly string[] s_keyNames =
        ["call", "authorize", "input", "note", "options", "checkpoint", "by", "origin", "labels", "expect", "reason", "session", "seq", "prev", "time", "message", "shadow", "key"];
    private static readonly byte[][] s_keyUtf8 = s_keyNames.Select(Encoding.UTF8.GetBytes).ToArray();

    private static readonly int s_logKeys = Bits(Key.Session, Key.Seq, Key.Prev, Key.Time, Key.Message, Key.Shadow);

    // Which keys each kind of line may have, indexed by kind.
    private static readonly int[] s_allowedKeys =
    [
        Bits(Key.Call, Key.Origin, Key.Labels, Key.Expect, Key.Reason) | s_logKeys,
        Bits(Key.Authorize, Key.By, Key.Expect, Key.Reason) | s_logKeys,
        Bits(Key.Input) | s_logKeys,
        Bits(Key.Note) | s_logKeys,
        Bits(Key.Options),
        Bits(Key.Checkpoint, Key.Seq, Key.Prev, Key.Time, Key.LogKey),
    ];

    private static readonly string[] s_kindDescriptions = ["a call", "an authorization", "an input", "a note", "an options line", "a checkpoint"];

    private readonly string _filePath;

    public TraceLineParser(string filePath) => _filePath = filePath;

    /// <summary>
    /// Parses a line. Returns the event, or <see langword="null"/> for a note or an options line (then
    /// <paramref name="options"/> is set).
    /// </summary>
    /// <exception cref="TraceFormatException">The line is invalid.</exception>
    public TraceEvent? Parse(ReadOnlySpan<byte> utf8, int line, int step, bool isFirstLine, out TraceOptions? options)
    {
        options = null;
        Span<int> keyAt = stackalloc int[KeyCount];
        keyAt.Fill(-1);
        var kind = -1;
        string? tool = null, expect = null, reason = null, session = null;
        var shadow = false;
        Trust? input = null, by = null, origin = null;
        IReadOnlyList<string>? labels = null;
        TraceOptions? parsedOptions = null;
        int objectStart, expectAt = -1, reasonAt = -1;

        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
                throw Error(TraceErrorCode.NotAnObject, utf8, line, reader.TokenStartIndex, "a trace line must be a JSON object");
            objectStart = (int)reader.TokenStartIndex;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var keyStart = reader.TokenStartIndex;
                var key = IdentifyKey(ref reader);
                if (key < 0)
                    throw Error(TraceErrorCode.UnknownKey, utf8, line, keyStart, $"unknown key {DisplayText.Quote(GetText(ref reader, utf8, line))}; trace lines have the keys {KeyList}");
                if (keyAt[key] >= 0)
                    throw Error(TraceErrorCode.DuplicateKey, utf8, line, keyStart, $"duplicate key '{s_keyNames[key]}'");
                if (key < KindCount && kind >= 0)
                    throw Error(TraceErrorCode.SeveralEventKinds, utf8, line, keyStart,
                        $"a line holds one of {KindList}, but this one has both '{s_keyNames[kind]}' and '{s_keyNames[key]}'");
                keyAt[key] = (int)keyStart;
                if (key < KindCount)
                    kind = key;
                reader.Read();
                switch ((Key)key)
                {
                    case Key.Call:
                    case Key.Authorize:
                        tool = ReadName(ref reader, utf8, line, s_keyNames[key], "a tool name");
                        break;
                    case Key.Input:
                        input = ReadTrust(ref reader, utf8, line, "input");
                        break;
                    case Key.By:
                        by = ReadTrust(ref reader, utf8, line, "by");
                        break;
                    case Key.Origin:
                        origin = ReadTrust(ref reader, utf8, line, "origin");
                        break;
                    case Key.Labels:
                        labels = ReadLabels(ref reader, utf8, line);
                        break;
                    case Key.Expect:
                        expectAt = (int)reader.TokenStartIndex;
                        expect = ReadString(ref reader, utf8, line, "expect");
                        break;
                    case Key.Reason:
                        reasonAt = (int)reader.TokenStartIndex;
                        reason = ReadString(ref reader, utf8, line, "reason");
                        if (!IsKnownReason(reason))
                            throw Error(TraceErrorCode.UnknownReason, utf8, line, reasonAt, $"{DisplayText.Quote(reason)} is not a reason code");
                        break;
                    case Key.Note:
                        ReadString(ref reader, utf8, line, "note");
                        break;
                    case Key.Options:
                        parsedOptions = ReadOptions(ref reader, utf8, line);
                        break;
                    case Key.Session:
                        session = ReadName(ref reader, utf8, line, "session", "a session id");
                        break;
                    case Key.Seq:
                        ReadSequenceNumber(ref reader, utf8, line);
                        break;
                    case Key.Shadow:
                        if (reader.TokenType is not (JsonTokenType.True or JsonTokenType.False))
                            throw Error(TraceErrorCode.WrongType, utf8, line, reader.TokenStartIndex, $"'shadow' must be true or false, not {Describe(reader.TokenType)}");
                        shadow = reader.GetBoolean();
                        break;
                    default:
                        // checkpoint, prev, time, message, key: strings that only `trajeckt log verify` reads.
                        ReadString(ref reader, utf8, line, s_keyNames[key]);
                        break;
                }
            }
            // Anything but whitespace after the object makes Read throw: one object a line.
            if (reader.Read())
                throw Error(TraceErrorCode.InvalidJson, utf8, line, reader.TokenStartIndex, "invalid JSON: text after the object");
        }
        catch (JsonException ex)
        {
            throw Error(TraceErrorCode.InvalidJson, utf8, line, ex.BytePositionInLine ?? 0, "invalid JSON: " + WithoutPosition(ex.Message));
        }

        if (kind < 0)
            throw Error(TraceErrorCode.NoEventKind, utf8, line, objectStart, $"the line has none of {KindList}");
        RejectKeysNotAllowed(keyAt, kind, utf8, line);
        switch ((Key)kind)
        {
            case Key.Options:
                if (!isFirstLine)
                    throw Error(TraceErrorCode.MisplacedOptions, utf8, line, keyAt[(int)Key.Options], "'options' may appear only on the first line of a trace");
                options = parsedOptions;
                return null;
            case Key.Note:
            case Key.Checkpoint:
                return null;
            case Key.Input:
                return TraceEvent.Input(step, line, Column(utf8, objectStart), input!.Value, session, shadow);
        }

        if (kind == (int)Key.Authorize && by is null)
            throw Error(TraceErrorCode.MissingKey, utf8, line, keyAt[(int)Key.Authorize], $"the authorization of {DisplayText.Quote(tool!)} has no 'by'");
        var expectation = expect is null ? (TraceExpectation?)null : ParseExpectation(expect, kind, utf8, line, expectAt);
        if (reason is not null && expectation is TraceExpectation.Allow or TraceExpectation.Accepted)
            throw Error(TraceErrorCode.ContradictoryExpectation, utf8, line, reasonAt,
                $"'reason' contradicts \"expect\": \"{expect}\": only a refusal has a reason");
        return kind == (int)Key.Call
            ? TraceEvent.Call(step, line, Column(utf8, objectStart), tool!, origin, labels, expectation, reason, session, shadow)
            : TraceEvent.Authorize(step, line, Column(utf8, objectStart), tool!, by!.Value, expectation, reason, session, shadow);
    }

    private static int Bits(params Key[] keys) => keys.Aggregate(0, (bits, key) => bits | (1 << (int)key));

    private static int IdentifyKey(ref Utf8JsonReader reader)
    {
        for (var i = 0; i < KeyCount; i++)
        {
            if (reader.ValueTextEquals(s_keyUtf8[i]))
                return i;
        }
        return -1;
    }

    private static bool IsKnownReason(string reason) => ReasonCodes.TryParse(reason, out _);

    private void RejectKeysNotAllowed(ReadOnlySpan<int> keyAt, int kind, ReadOnlySpan<byte> utf8, int line)
    {
        // Report the leftmost offending key, so the error does not depend on our key order.
        var offending = -1;
        for (var key = 0; key < KeyCount; key++)
        {
            if (keyAt[key] >= 0 && (s_allowedKeys[kind] & (1 << key)) == 0 && (offending < 0 || keyAt[key] < keyAt[offending]))
                offending = key;
        }
        if (offending >= 0)
            throw Error(TraceErrorCode.UnknownKey, utf8, line, keyAt[offending],
                $"key '{s_keyNames[offending]}' is not allowed on {s_kindDescriptions[kind]}");
    }

    private TraceExpectation ParseExpectation(string expect, int kind, ReadOnlySpan<byte> utf8, int line, int expectAt)
    {
        if (kind == (int)Key.Call)
        {
            return expect switch
            {
                "allow" => TraceExpectation.Allow,
                "deny" => TraceExpectation.Deny,
                _ => throw Error(TraceErrorCode.UnknownExpectation, utf8, line, expectAt,
                    $"a call expects \"allow\" or \"deny\", not {DisplayText.Quote(expect)}"),
            };
        }
        return expect switch
        {
            "accepted" => TraceExpectation.Accepted,
            "rejected" => TraceExpectation.Rejected,
            _ => throw Error(TraceErrorCode.UnknownExpectation, utf8, line, expectAt,
                $"an authorization expects \"accepted\" or \"rejected\", not {DisplayText.Quote(expect)}"),
        };
    }

    private string ReadString(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8, int line, string key)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw Error(TraceErrorCode.WrongType, utf8, line, reader.TokenStartIndex, $"'{key}' must be a string, not {Describe(reader.TokenType)}");
        return GetText(ref reader, utf8, line);
    }

    private void ReadSequenceNumber(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8, int line)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var seq) || seq < 1)
            throw Error(TraceErrorCode.WrongType, utf8, line, reader.TokenStartIndex, "'seq' must be a whole number from 1");
    }

    private string ReadName(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8, int line, string key, string what)
    {
        var start = reader.TokenStartIndex;
        var name = ReadString(ref reader, utf8, line, key);
        if (name.Length == 0)
            throw Error(TraceErrorCode.EmptyName, utf8, line, start, $"'{key}' must be {what}, not empty");
        return name;
    }

    private Trust ReadTrust(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8, int line, string key)
    {
        var start = reader.TokenStartIndex;
        var name = ReadString(ref reader, utf8, line, key);
        if (!SyntaxKeywords.TryGetTrust(name, out var trust))
            throw Error(TraceErrorCode.UnknownTrust, utf8, line, start,
                $"{DisplayText.Quote(name)} is not a trust level; expected {SyntaxKeywords.TrustList}");
        return trust;
    }

    private string[] ReadLabels(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8, int line)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
            throw Error(TraceErrorCode.WrongType, utf8, line, reader.TokenStartIndex, $"'labels' must be an array of strings, not {Describe(reader.TokenType)}");
        var labels = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
                throw Error(TraceErrorCode.WrongType, utf8, line, reader.TokenStartIndex, $"a label must be a string, not {Describe(reader.TokenType)}");
            labels.Add(ReadName(ref reader, utf8, line, "labels", "a label name"));
        }
        return labels.ToArray();
    }

    private TraceOptions ReadOptions(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8, int line)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw Error(TraceErrorCode.WrongType, utf8, line, reader.TokenStartIndex, $"'options' must be an object, not {Describe(reader.TokenType)}");
        bool? heuristic = null, halt = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var keyStart = reader.TokenStartIndex;
            var isHeuristic = reader.ValueTextEquals("heuristic"u8);
            if (!isHeuristic && !reader.ValueTextEquals("halt_on_violation"u8))
                throw Error(TraceErrorCode.UnknownKey, utf8, line, keyStart,
                    $"unknown option {DisplayText.Quote(GetText(ref reader, utf8, line))}; expected 'heuristic' or 'halt_on_violation'");
            var name = isHeuristic ? "heuristic" : "halt_on_violation";
            if ((isHeuristic ? heuristic : halt) is not null)
                throw Error(TraceErrorCode.DuplicateKey, utf8, line, keyStart, $"duplicate option '{name}'");
            reader.Read();
            if (reader.TokenType is not (JsonTokenType.True or JsonTokenType.False))
                throw Error(TraceErrorCode.WrongType, utf8, line, reader.TokenStartIndex, $"option '{name}' must be true or false, not {Describe(reader.TokenType)}");
            if (isHeuristic)
                heuristic = reader.GetBoolean();
            else
                halt = reader.GetBoolean();
        }
        return new TraceOptions(heuristic ?? false, halt ?? false);
    }

    // A string with an escaped unpaired surrogate ("\ud800") is valid JSON but not text: GetString throws.
    private string GetText(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8, int line)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw Error(TraceErrorCode.InvalidEncoding, utf8, line, reader.TokenStartIndex, "the string holds an unpaired surrogate");
        }
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    // System.Text.Json appends its own 0-based position; ours is in the diagnostic prefix.
    private static string WithoutPosition(string message)
    {
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return at < 0 ? message : message[..at];
    }

    private TraceFormatException Error(TraceErrorCode code, ReadOnlySpan<byte> utf8, int line, long byteOffset, string message) =>
        new(code, _filePath, line, Column(utf8, byteOffset), message);

    // The 1-based UTF-16 column of a byte offset into the line.
    private static int Column(ReadOnlySpan<byte> utf8, long byteOffset) =>
        Encoding.UTF8.GetCharCount(utf8[..(int)Math.Clamp(byteOffset, 0, utf8.Length)]) + 1;
}
