using Trajeckt.Replay;

namespace Trajeckt.Runtime.Tests.Replay;

public sealed class DisplayTextTests
{
    [Theory]
    [InlineData("send_email", "send_email")]
    [InlineData("caf\u00e9 \ud83d\ude00", "caf\u00e9 \ud83d\ude00")]
    [InlineData("a\u001b[31mb", "a\\u001b[31mb")]
    [InlineData("line\nbreak\r", "line\\u000abreak\\u000d")]
    [InlineData("abc\u202edcba", "abc\\u202edcba")]
    [InlineData("\u0085\u007f", "\\u0085\\u007f")]
    public void Escape_shows_control_and_format_characters_as_escapes(string text, string expected)
    {
        Assert.Equal(expected, DisplayText.Escape(text));
    }

    [Fact]
    public void Quote_cuts_long_names_without_splitting_a_surrogate_pair()
    {
        var name = new string('a', 79) + "\ud83d\ude00" + "tail";

        var quoted = DisplayText.Quote(name);

        Assert.Equal("'" + new string('a', 79) + "...'", quoted);
        Assert.Equal("'short'", DisplayText.Quote("short"));
    }
}
