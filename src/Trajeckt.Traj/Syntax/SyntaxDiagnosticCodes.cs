namespace Trajeckt.Traj.Syntax;

/// <summary>
/// The codes of the lexer's and parser's diagnostics (<c>TRJ0001</c> to <c>TRJ0099</c>). They are stable:
/// tools and documentation refer to them, so a code is never reused for another meaning.
/// </summary>
public static class SyntaxDiagnosticCodes
{
    /// <summary>A character that no token starts with (e.g. <c>@</c>, <c>#</c>, a lone <c>-</c> or <c>/</c>).</summary>
    public const string UnexpectedCharacter = "TRJ0001";

    /// <summary>A <c>/*</c> comment without its closing <c>*/</c>.</summary>
    public const string UnterminatedComment = "TRJ0002";

    /// <summary>A quoted name without its closing quote before the end of the file.</summary>
    public const string UnterminatedQuotedName = "TRJ0003";

    /// <summary>A quoted name that runs into a line break.</summary>
    public const string NewlineInQuotedName = "TRJ0004";

    /// <summary>A backslash in a quoted name that is not one of the escapes <c>\"</c> and <c>\\</c>.</summary>
    public const string InvalidEscape = "TRJ0005";

    /// <summary>The quoted name <c>""</c>: names are never empty.</summary>
    public const string EmptyQuotedName = "TRJ0006";

    /// <summary>A number larger than 2147483647.</summary>
    public const string NumberOutOfRange = "TRJ0007";

    /// <summary>The file declares no trajectory at all (it is empty or holds only comments).</summary>
    public const string NoTrajectory = "TRJ0010";

    /// <summary>Something other than <c>trajectory</c> at the top level of the file.</summary>
    public const string ExpectedTrajectory = "TRJ0011";

    /// <summary>A name (tool, label or trajectory) was expected, e.g. after <c>tool</c> or in a list.</summary>
    public const string ExpectedName = "TRJ0012";

    /// <summary>A punctuation mark or contextual keyword was expected, e.g. the <c>;</c> that ends a statement.</summary>
    public const string ExpectedToken = "TRJ0013";

    /// <summary>A statement that does not start with a statement keyword.</summary>
    public const string UnknownStatement = "TRJ0014";

    /// <summary>An effect in a tool statement that is none of the six effects.</summary>
    public const string UnknownEffect = "TRJ0015";

    /// <summary>A <c>sink(...)</c> whose kind is neither <c>external</c> nor <c>control</c>.</summary>
    public const string UnknownSinkKind = "TRJ0016";

    /// <summary>A trust level that is not one of the six names of the trust lattice (they are case-sensitive).</summary>
    public const string InvalidTrust = "TRJ0017";

    /// <summary>A plan position where a tool name, <c>_</c> or <c>(</c> was expected (e.g. an empty plan or group).</summary>
    public const string ExpectedPlanExpression = "TRJ0018";

    /// <summary>A plan that nests groups and repetitions deeper than the parser's bound.</summary>
    public const string PlanNestingTooDeep = "TRJ0019";

    /// <summary>A number was expected (after <c>budget calls</c>).</summary>
    public const string ExpectedNumber = "TRJ0020";

    /// <summary>Every code with a short description, in code order (used by documentation and tests).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> All { get; } = new[]
    {
        Describe(UnexpectedCharacter, "unexpected character"),
        Describe(UnterminatedComment, "unterminated block comment"),
        Describe(UnterminatedQuotedName, "unterminated quoted name"),
        Describe(NewlineInQuotedName, "line break in a quoted name"),
        Describe(InvalidEscape, "invalid escape in a quoted name"),
        Describe(EmptyQuotedName, "empty quoted name"),
        Describe(NumberOutOfRange, "number out of range"),
        Describe(NoTrajectory, "the file declares no trajectory"),
        Describe(ExpectedTrajectory, "expected 'trajectory'"),
        Describe(ExpectedName, "expected a name"),
        Describe(ExpectedToken, "expected a punctuation mark or keyword"),
        Describe(UnknownStatement, "unknown statement"),
        Describe(UnknownEffect, "unknown effect"),
        Describe(UnknownSinkKind, "unknown sink kind"),
        Describe(InvalidTrust, "invalid trust level"),
        Describe(ExpectedPlanExpression, "expected a plan expression"),
        Describe(PlanNestingTooDeep, "plan nested too deeply"),
        Describe(ExpectedNumber, "expected a number"),
    };

    private static KeyValuePair<string, string> Describe(string code, string description) => new(code, description);
}
