using Trajeckt.Traj.Syntax;
using static Trajeckt.Traj.Tests.Syntax.SyntaxTestHelpers;

namespace Trajeckt.Traj.Tests.Syntax;

public class LexerTests
{
    [Fact]
    public void Punctuation_lexes_to_its_kinds()
    {
        var tokens = LexClean("{ } ( ) ; : , | * + ? ->");
        Assert.Equal(
            new[]
            {
                TokenKind.OpenBrace, TokenKind.CloseBrace, TokenKind.OpenParen, TokenKind.CloseParen, TokenKind.Semicolon,
                TokenKind.Colon, TokenKind.Comma, TokenKind.Bar, TokenKind.Star, TokenKind.Plus, TokenKind.Question, TokenKind.Arrow,
            },
            tokens.Select(t => t.Kind));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("_")]
    [InlineData("customer-pii")]
    [InlineData("ns.tool/v2")]
    [InlineData("A_b.c-d/e9")]
    [InlineData("a-")]
    [InlineData("a/")]
    public void Name_characters_make_one_name(string text)
    {
        var token = Assert.Single(LexClean(text));
        Assert.Equal(TokenKind.Name, token.Kind);
        Assert.Equal(text, token.Value);
        Assert.False(token.IsQuoted);
    }

    [Fact]
    public void Arrow_always_lexes_as_the_arrow_even_inside_name_characters()
    {
        const string text = "a->b";
        var tokens = LexClean(text);
        Assert.Equal(new[] { TokenKind.Name, TokenKind.Arrow, TokenKind.Name }, tokens.Select(t => t.Kind));
        Assert.Equal(new[] { "a", "->", "b" }, tokens.Select(t => Text(text, t)));
    }

    [Fact]
    public void Line_comment_starts_right_after_name_characters()
    {
        var tokens = LexClean("a//x y\nb");
        Assert.Equal(new[] { "a", "b" }, tokens.Select(t => t.Value));
    }

    [Fact]
    public void Block_comment_starts_right_after_name_characters()
    {
        var tokens = LexClean("a/*x*/b");
        Assert.Equal(new[] { "a", "b" }, tokens.Select(t => t.Value));
    }

    [Fact]
    public void A_single_slash_or_dash_inside_a_name_stays_in_the_name()
    {
        var tokens = LexClean("a/b a-b a-/b");
        Assert.Equal(new[] { "a/b", "a-b", "a-/b" }, tokens.Select(t => t.Value));
    }

    [Fact]
    public void Quoted_name_is_unescaped_and_marked_quoted()
    {
        var token = Assert.Single(LexClean("\"say \\\"hi\\\" \\\\ now\""));
        Assert.Equal(TokenKind.Name, token.Kind);
        Assert.Equal("say \"hi\" \\ now", token.Value);
        Assert.True(token.IsQuoted);
    }

    [Fact]
    public void Quoted_name_may_hold_comment_and_arrow_characters()
    {
        var token = Assert.Single(LexClean("\"a//b /* -> c\""));
        Assert.Equal("a//b /* -> c", token.Value);
    }

    [Fact]
    public void Quoted_identifier_is_that_identifier()
    {
        var tokens = LexClean("tool \"tool\"");
        Assert.True(tokens[0].IsKeyword("tool"));
        Assert.True(tokens[1].IsKeyword("tool"));
    }

    [Fact]
    public void Only_unquoted_underscore_is_the_wildcard()
    {
        var tokens = LexClean("_ \"_\"");
        Assert.True(tokens[0].IsWildcard);
        Assert.False(tokens[1].IsWildcard);
        Assert.Equal("_", tokens[1].Value);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("20", 20)]
    [InlineData("007", 7)]
    [InlineData("2147483647", int.MaxValue)]
    public void Numbers_are_decimal_int32(string text, int value)
    {
        var token = Assert.Single(LexClean(text));
        Assert.Equal(TokenKind.Number, token.Kind);
        Assert.Equal(value, token.Number);
    }

    [Fact]
    public void Number_followed_by_letters_is_two_tokens()
    {
        var tokens = LexClean("12ab");
        Assert.Equal(new[] { TokenKind.Number, TokenKind.Name }, tokens.Select(t => t.Kind));
    }

    [Fact]
    public void Tokens_know_whether_they_start_a_line()
    {
        var tokens = LexClean("a b\n c /* x\n */ d /* y */ e\r f");
        Assert.Equal(new[] { true, false, true, true, false, true }, tokens.Select(t => t.AtLineStart));
    }

    [Fact]
    public void Spans_cover_the_source_text()
    {
        const string text = "  tool \"x y\" ->  42 ;";
        var tokens = LexClean(text);
        Assert.Equal(new[] { "tool", "\"x y\"", "->", "42", ";" }, tokens.Select(t => Text(text, t)));
    }

    [Fact]
    public void Stray_characters_become_one_bad_token_per_run_and_lexing_continues()
    {
        var tokens = Lex("a @# b $", out var diagnostics);
        Assert.Equal(new[] { TokenKind.Name, TokenKind.Bad, TokenKind.Name, TokenKind.Bad, TokenKind.EndOfFile }, tokens.Select(t => t.Kind));
        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal(SyntaxDiagnosticCodes.UnexpectedCharacter, d.Code));
        Assert.Contains("'@#'", diagnostics[0].Message);
    }

    [Fact]
    public void Lone_dash_and_slash_are_stray_characters()
    {
        var tokens = Lex("- /", out var diagnostics);
        Assert.Equal(new[] { TokenKind.Bad, TokenKind.Bad, TokenKind.EndOfFile }, tokens.Select(t => t.Kind));
        Assert.Equal(2, diagnostics.Count);
    }

    [Fact]
    public void Control_characters_are_shown_escaped_in_messages()
    {
        Lex("\u0001", out var diagnostics);
        Assert.Contains("'\\u0001'", Assert.Single(diagnostics).Message);
    }

    [Fact]
    public void Bad_escape_is_reported_and_the_name_still_lexes()
    {
        var tokens = Lex("\"a\\nb\" c", out var diagnostics);
        Assert.Equal(SyntaxDiagnosticCodes.InvalidEscape, Assert.Single(diagnostics).Code);
        Assert.Equal("anb", tokens[0].Value);
        Assert.Equal("c", tokens[1].Value);
    }

    [Fact]
    public void Newline_ends_an_unclosed_quoted_name_and_the_next_line_still_lexes()
    {
        var tokens = Lex("\"abc\nd", out var diagnostics);
        Assert.Equal(SyntaxDiagnosticCodes.NewlineInQuotedName, Assert.Single(diagnostics).Code);
        Assert.Equal(new[] { "abc", "d" }, tokens.Where(t => t.Kind == TokenKind.Name).Select(t => t.Value));
        Assert.True(tokens[1].AtLineStart);
    }

    [Fact]
    public void Every_token_list_ends_with_end_of_file_at_the_text_end()
    {
        const string text = "a /* unterminated";
        var tokens = Lex(text, out _);
        Assert.Equal(TokenKind.EndOfFile, tokens[tokens.Count - 1].Kind);
        Assert.Equal(text.Length, tokens[tokens.Count - 1].Span.Start);
    }

    [Fact]
    public void A_leading_byte_order_mark_is_skipped_but_not_one_elsewhere()
    {
        var tokens = LexClean("\uFEFFtool");
        Assert.Equal(1, Assert.Single(tokens).Span.Start);
        Lex("tool \uFEFF", out var diagnostics);
        Assert.Equal(SyntaxDiagnosticCodes.UnexpectedCharacter, Assert.Single(diagnostics).Code);
    }
}
