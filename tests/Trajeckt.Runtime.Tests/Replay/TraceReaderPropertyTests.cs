using System.Text;
using System.Text.Json;
using CsCheck;
using Trajeckt.Replay;

namespace Trajeckt.Runtime.Tests.Replay;

public sealed class TraceReaderPropertyTests
{
    // Keys and strings that real traces use, so random lines often get deep into the parser.
    private static readonly string[] s_keys =
        ["call", "authorize", "input", "note", "options", "by", "origin", "labels", "expect", "reason", "heuristic", "halt_on_violation", "Call", ""];

    private static readonly string[] s_words =
        ["Untrusted", "TrustedUser", "Memory", "allow", "deny", "accepted", "rejected", "flow", "floor", "halted", "send_email", "", "\u001b", "é", "\ud83d\ude00"];

    private static readonly Gen<string> s_string = Gen.Frequency<string>((3, Gen.OneOf(s_words)), (1, (IGen<string>)Gen.String));

    private static readonly Gen<string> s_key = Gen.Frequency<string>((4, Gen.OneOf(s_keys)), (1, (IGen<string>)Gen.String));

    // Random JSON values of bounded depth, written as text.
    private static readonly Gen<string> s_value = Gen.Recursive<string>((depth, value) =>
    {
        var scalars = Gen.OneOf(
            s_string.Select(s => JsonSerializer.Serialize(s)),
            Gen.Int.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Gen.OneOf("true", "false", "null", "1e999", "-0.5"));
        if (depth > 2)
            return scalars;
        return Gen.Frequency<string>(
            (6, scalars),
            (1, value.Array[0, 3].Select(items => "[" + string.Join(",", items) + "]")),
            (1, Gen.Select(s_key, value).Array[0, 3].Select(Members)));
    });

    private static readonly Gen<string> s_object = Gen.Select(s_key, s_value).Array[0, 5].Select(Members);

    // Mostly objects; sometimes damaged text, so the JSON error path is exercised too.
    private static readonly Gen<string> s_line = Gen.Frequency<string>(
        (8, s_object),
        (1, Gen.Select(s_object, Gen.Int[0, 40]).Select((text, cut) => text[..Math.Min(cut, text.Length)])),
        (1, Gen.String),
        (1, Gen.OneOf("", "   ", "\r", "{\"options\": {\"heuristic\": true}}")));

    [Fact]
    public void Random_lines_give_events_or_a_positioned_TraceFormatException_and_nothing_else()
    {
        s_line.Array[1, 6].Sample(lines =>
        {
            var text = string.Join("\n", lines);
            var lineCount = text.Split('\n').Length;
            try
            {
                var events = TraceText.ReadAll(text);
                Assert.All(events, e => Assert.InRange(e.Line, 1, lineCount));
            }
            catch (TraceFormatException ex)
            {
                Assert.InRange(ex.Line, 1, lineCount);
                Assert.True(ex.Column >= 1, ex.Diagnostic);
                Assert.DoesNotContain('\u001b', ex.Diagnostic);
            }
        }, iter: 3000);
    }

    [Fact]
    public void Every_valid_call_line_reads_back_its_tool_and_expectation()
    {
        Gen.Select(Gen.String.Where(s => s.Length > 0 && IsText(s)), Gen.Bool, Gen.Int[0, 3]).Sample((tool, deny, blanks) =>
        {
            var line = new string('\n', blanks) + JsonSerializer.Serialize(new { call = tool, expect = deny ? "deny" : "allow" });

            var traceEvent = TraceText.ReadAll(line).Single();

            Assert.Equal(tool, traceEvent.Tool);
            Assert.Equal(deny ? TraceExpectation.Deny : TraceExpectation.Allow, traceEvent.Expect);
            Assert.Equal(blanks + 1, traceEvent.Line);
        }, iter: 500);
    }

    private static readonly string[] s_reasons =
        ["no_commitment", "seal_invalid", "halted", "unknown_tool", "budget", "transition", "flow", "floor", "heuristic", "internal_error", "authorization_rejected"];

    // A valid event as its expected fields, with its keys in a random order and random spacing.
    private static readonly Gen<(TraceEventKind Kind, string? Tool, Trust? Trust, Trust? Origin, string[]? Labels, string? Expect, string? Reason, string Line)> s_validEvent =
        Gen.Select(
            Gen.Enum<TraceEventKind>(),
            Gen.OneOf("send_email", "read.customer/v2", "é", "a b"),
            Gen.Enum<Trust>(),
            Gen.Enum<Trust>().Nullable(),
            Gen.OneOf("x", "customer-pii", "été").Array[0, 3].Null(),
            Gen.Int[0, 2],
            Gen.OneOf(s_reasons).Null(),
            Gen.Select(Gen.Int.Array[8], Gen.OneOf("", " ", "	", "  ")))
        .Select((kind, tool, trust, origin, labels, expectPick, reason, layout) =>
        {
            var members = new List<(string Key, string Value)>();
            string? expect = null;
            if (kind == TraceEventKind.Input)
            {
                members.Add(("input", JsonSerializer.Serialize(trust.ToString())));
                return (kind, (string?)null, (Trust?)trust, (Trust?)null, (string[]?)null, expect, (string?)null, Layout(members, layout));
            }
            members.Add((kind == TraceEventKind.Call ? "call" : "authorize", JsonSerializer.Serialize(tool)));
            if (kind == TraceEventKind.Authorize)
                members.Add(("by", JsonSerializer.Serialize(trust.ToString())));
            if (kind == TraceEventKind.Call && origin is not null)
                members.Add(("origin", JsonSerializer.Serialize(origin.ToString())));
            if (kind == TraceEventKind.Call && labels is not null)
                members.Add(("labels", JsonSerializer.Serialize(labels)));
            // 0: no expectation; 1: the refusal (which may have a reason); 2: the success (which may not).
            expect = expectPick switch
            {
                1 => kind == TraceEventKind.Call ? "deny" : "rejected",
                2 => kind == TraceEventKind.Call ? "allow" : "accepted",
                _ => null,
            };
            if (expect is not null)
                members.Add(("expect", JsonSerializer.Serialize(expect)));
            if (expectPick == 2)
                reason = null;
            if (reason is not null)
                members.Add(("reason", JsonSerializer.Serialize(reason)));
            return (kind, tool, kind == TraceEventKind.Authorize ? trust : null, kind == TraceEventKind.Call ? origin : null,
                kind == TraceEventKind.Call ? labels : null, expect, reason, Layout(members, layout));
        });

    [Fact]
    public void Valid_events_read_back_whatever_the_key_order_and_spacing()
    {
        s_validEvent.Sample(expected =>
        {
            var traceEvent = TraceText.ReadAll(expected.Line).Single();

            Assert.Equal(expected.Kind, traceEvent.Kind);
            Assert.Equal(expected.Tool, traceEvent.Tool);
            Assert.Equal(expected.Trust, traceEvent.Trust);
            Assert.Equal(expected.Origin, traceEvent.Origin);
            Assert.Equal(expected.Labels, traceEvent.Labels);
            Assert.Equal(expected.Expect, traceEvent.Expect?.ToString().ToLowerInvariant());
            Assert.Equal(expected.Reason, traceEvent.ExpectedReason);
        }, iter: 1000);
    }

    private static string Layout(List<(string Key, string Value)> members, (int[] Order, string Space) layout)
    {
        var ordered = members.Select((m, i) => (m, rank: layout.Order[i])).OrderBy(x => x.rank).Select(x => x.m);
        var sp = layout.Space;
        return sp + "{" + sp + string.Join("," + sp, ordered.Select(m => JsonSerializer.Serialize(m.Key) + sp + ":" + sp + m.Value)) + sp + "}" + sp;
    }

    private static string Members((string Key, string Value)[] members) =>
        "{" + string.Join(",", members.Select(m => JsonSerializer.Serialize(m.Key) + ":" + m.Value)) + "}";

    private static bool IsText(string s)
    {
        try
        {
            new UTF8Encoding(false, throwOnInvalidBytes: true).GetByteCount(s);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }
}
