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
