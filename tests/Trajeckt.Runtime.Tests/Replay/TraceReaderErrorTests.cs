using System.Text;
using Trajeckt.Replay;

namespace Trajeckt.Runtime.Tests.Replay;

public sealed class TraceReaderErrorTests
{
    // Each invalid trace, the error it must give, and where: line and 1-based column of the offending token.
    public static TheoryData<string, TraceErrorCode, int, int> InvalidTraces => new()
    {
        { "not json", TraceErrorCode.InvalidJson, 1, 2 },
        { "{\"call\": \"a\",}", TraceErrorCode.InvalidJson, 1, 14 },
        { "{\"call\": \"a\"", TraceErrorCode.InvalidJson, 1, 13 },
        { "{\"call\": \"a\"} {\"call\": \"b\"}", TraceErrorCode.InvalidJson, 1, 15 },
        { "{\"call\": \"a\", /* c */ \"expect\": \"allow\"}", TraceErrorCode.InvalidJson, 1, 15 },
        { "{\"call\": \"\\ud800\"}", TraceErrorCode.InvalidEncoding, 1, 10 },
        { "[1]", TraceErrorCode.NotAnObject, 1, 1 },
        { "  \"call\"", TraceErrorCode.NotAnObject, 1, 3 },
        { "{\"call\": \"a\", \"bogus\": 1}", TraceErrorCode.UnknownKey, 1, 15 },
        { "{\"Call\": \"a\"}", TraceErrorCode.UnknownKey, 1, 2 },
        { "{\"call\": \"é\", \"bogus\": 1}", TraceErrorCode.UnknownKey, 1, 15 },
        { "{\"call\": \"a\", \"by\": \"TrustedUser\"}", TraceErrorCode.UnknownKey, 1, 15 },
        { "{\"input\": \"Untrusted\", \"expect\": \"allow\"}", TraceErrorCode.UnknownKey, 1, 24 },
        { "{\"note\": \"n\", \"reason\": \"flow\"}", TraceErrorCode.UnknownKey, 1, 15 },
        { "{\"options\": {\"verbose\": true}}", TraceErrorCode.UnknownKey, 1, 14 },
        { "{\"call\": \"a\", \"call\": \"b\"}", TraceErrorCode.DuplicateKey, 1, 15 },
        { "{\"c\\u0061ll\": \"a\", \"call\": \"b\"}", TraceErrorCode.DuplicateKey, 1, 20 },
        { "{\"options\": {\"heuristic\": true, \"heuristic\": false}}", TraceErrorCode.DuplicateKey, 1, 33 },
        { "{}", TraceErrorCode.NoEventKind, 1, 1 },
        { "  {\"expect\": \"allow\"}", TraceErrorCode.NoEventKind, 1, 3 },
        { "{\"call\": \"a\", \"input\": \"Untrusted\"}", TraceErrorCode.SeveralEventKinds, 1, 15 },
        { "{\"note\": \"n\", \"call\": \"a\"}", TraceErrorCode.SeveralEventKinds, 1, 15 },
        { "{\"authorize\": \"a\"}", TraceErrorCode.MissingKey, 1, 2 },
        { "{\"authorize\": \"a\", \"expect\": \"accepted\"}", TraceErrorCode.MissingKey, 1, 2 },
        { "{\"call\": 5}", TraceErrorCode.WrongType, 1, 10 },
        { "{\"call\": \"a\", \"origin\": null}", TraceErrorCode.WrongType, 1, 25 },
        { "{\"call\": \"a\", \"labels\": \"x\"}", TraceErrorCode.WrongType, 1, 25 },
        { "{\"call\": \"a\", \"labels\": [\"x\", 3]}", TraceErrorCode.WrongType, 1, 31 },
        { "{\"note\": {}}", TraceErrorCode.WrongType, 1, 10 },
        { "{\"options\": true}", TraceErrorCode.WrongType, 1, 13 },
        { "{\"options\": {\"heuristic\": 1}}", TraceErrorCode.WrongType, 1, 27 },
        { "{\"call\": \"\"}", TraceErrorCode.EmptyName, 1, 10 },
        { "{\"call\": \"a\", \"labels\": [\"\"]}", TraceErrorCode.EmptyName, 1, 26 },
        { "{\"input\": \"Trusted\"}", TraceErrorCode.UnknownTrust, 1, 11 },
        { "{\"input\": \"untrusted\"}", TraceErrorCode.UnknownTrust, 1, 11 },
        { "{\"input\": \"0\"}", TraceErrorCode.UnknownTrust, 1, 11 },
        { "{\"authorize\": \"a\", \"by\": \"Root\"}", TraceErrorCode.UnknownTrust, 1, 26 },
        { "{\"call\": \"a\", \"origin\": \"Untrusted, Memory\"}", TraceErrorCode.UnknownTrust, 1, 25 },
        { "{\"call\": \"a\", \"expect\": \"accepted\"}", TraceErrorCode.UnknownExpectation, 1, 25 },
        { "{\"call\": \"a\", \"expect\": \"Allow\"}", TraceErrorCode.UnknownExpectation, 1, 25 },
        { "{\"authorize\": \"a\", \"by\": \"TrustedUser\", \"expect\": \"allow\"}", TraceErrorCode.UnknownExpectation, 1, 51 },
        { "{\"call\": \"a\", \"reason\": \"nope\"}", TraceErrorCode.UnknownReason, 1, 25 },
        { "{\"call\": \"a\", \"reason\": \"FLOW\"}", TraceErrorCode.UnknownReason, 1, 25 },
        { "{\"call\": \"a\", \"expect\": \"allow\", \"reason\": \"flow\"}", TraceErrorCode.ContradictoryExpectation, 1, 44 },
        { "{\"reason\": \"floor\", \"call\": \"a\", \"expect\": \"allow\"}", TraceErrorCode.ContradictoryExpectation, 1, 12 },
        { "{\"call\": \"a\"}\n{\"options\": {\"heuristic\": true}}", TraceErrorCode.MisplacedOptions, 2, 2 },
        { "{\"note\": \"first\"}\n{\"options\": {}}", TraceErrorCode.MisplacedOptions, 2, 2 },
        { "{\"options\": {}}\n{\"options\": {}}", TraceErrorCode.MisplacedOptions, 2, 2 },
        { "{\"call\": \"a\"}\n\n  \n{\"bogus\": 1}", TraceErrorCode.UnknownKey, 4, 2 },
    };

    [Theory]
    [MemberData(nameof(InvalidTraces))]
    public void Invalid_trace_names_the_error_and_its_position(string text, TraceErrorCode code, int line, int column)
    {
        var error = TraceText.ReadError(text);

        Assert.Equal((code, line, column), (error.ErrorCode, error.Line, error.Column));
        Assert.Equal(TraceText.FileName, error.FilePath);
        Assert.StartsWith($"{TraceText.FileName}({line},{column}): error TRC{(int)code:D4}: ", error.Diagnostic);
        Assert.DoesNotContain("LineNumber", error.Message);
    }

    // Not theory data: xunit's serialization of test cases would replace these characters.
    [Theory]
    [InlineData('\ud800')]
    [InlineData('\udfff')]
    [InlineData('\uffff')]
    public void A_raw_unpaired_surrogate_or_the_invalid_byte_marker_is_an_encoding_error(int character)
    {
        var error = TraceText.ReadError("{\"call\": \"a" + (char)character + "\"}");

        Assert.Equal((TraceErrorCode.InvalidEncoding, 1, 12), (error.ErrorCode, error.Line, error.Column));
    }

    [Fact]
    public void A_line_longer_than_the_limit_is_an_error_not_an_allocation()
    {
        var text = "{\"note\": \"" + new string('x', TraceReader.MaxLineLength) + "\"}";

        var error = TraceText.ReadError(text);

        Assert.Equal((TraceErrorCode.LineTooLong, 1, TraceReader.MaxLineLength + 1), (error.ErrorCode, error.Line, error.Column));
    }

    [Fact]
    public void A_file_that_is_not_UTF8_is_an_encoding_error_at_the_bad_byte()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes("{\"call\": \"a\"}\n{\"call\": \""), 0xC3, 0x28, .. "\"}"u8]);

            var error = Assert.Throws<TraceFormatException>(() => TraceReader.ValidateFile(path));

            Assert.Equal((TraceErrorCode.InvalidEncoding, 2, 11), (error.ErrorCode, error.Line, error.Column));
            Assert.Equal(path, error.FilePath);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_file_may_start_with_a_byte_order_mark()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "{\"options\": {\"heuristic\": true}}\n{\"call\": \"a\"}", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

            Assert.True(TraceReader.ValidateFile(path).Heuristic);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Control_characters_in_a_name_are_escaped_in_the_message()
    {
        var error = TraceText.ReadError("{\"\\u001b[31mevil\": 1}");

        Assert.DoesNotContain('\u001b', error.Message);
        Assert.Contains("\\u001b[31mevil", error.Message);
    }
}
