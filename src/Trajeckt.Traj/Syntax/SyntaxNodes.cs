namespace Trajeckt.Traj.Syntax;

// The syntax tree of Traj v1 (docs/traj-language.md). Nodes are immutable and keep the span they came from;
// structural equivalence (ignoring spans and quoting) is SyntaxEquivalence's job.

/// <summary>A parsed policy file: its trajectories in source order.</summary>
public sealed class PolicySyntax
{
    /// <summary>Creates a policy node.</summary>
    public PolicySyntax(string filePath, IReadOnlyList<TrajectorySyntax> trajectories)
    {
        FilePath = filePath;
        Trajectories = trajectories;
    }

    /// <summary>The file the text came from.</summary>
    public string FilePath { get; }

    /// <summary>The trajectories, in source order.</summary>
    public IReadOnlyList<TrajectorySyntax> Trajectories { get; }
}

/// <summary>A tool, label or trajectory name: an identifier or a quoted string, already unescaped.</summary>
public sealed class NameSyntax
{
    /// <summary>Creates a name node.</summary>
    public NameSyntax(string value, bool isQuoted, TextSpan span)
    {
        Value = value;
        IsQuoted = isQuoted;
        Span = span;
    }

    /// <summary>The name, unescaped.</summary>
    public string Value { get; }

    /// <summary>Whether the source spelled it as a quoted string.</summary>
    public bool IsQuoted { get; }

    /// <summary>Where it stands.</summary>
    public TextSpan Span { get; }

    /// <inheritdoc/>
    public override string ToString() => Value;
}

/// <summary>A trust level as written: <c>Untrusted</c> ... <c>TrustedUser</c>.</summary>
public sealed class TrustSyntax
{
    /// <summary>Creates a trust node.</summary>
    public TrustSyntax(Trust value, TextSpan span)
    {
        Value = value;
        Span = span;
    }

    /// <summary>The level.</summary>
    public Trust Value { get; }

    /// <summary>Where it stands.</summary>
    public TextSpan Span { get; }
}

/// <summary><c>trajectory NAME { statements }</c>.</summary>
public sealed class TrajectorySyntax
{
    /// <summary>Creates a trajectory node.</summary>
    public TrajectorySyntax(NameSyntax name, IReadOnlyList<StatementSyntax> statements, TextSpan span)
    {
        Name = name;
        Statements = statements;
        Span = span;
    }

    /// <summary>The trajectory's name.</summary>
    public NameSyntax Name { get; }

    /// <summary>The statements, in source order.</summary>
    public IReadOnlyList<StatementSyntax> Statements { get; }

    /// <summary>From the keyword to the closing brace.</summary>
    public TextSpan Span { get; }
}

/// <summary>A statement inside a trajectory.</summary>
public abstract class StatementSyntax
{
    private protected StatementSyntax(TextSpan span) => Span = span;

    /// <summary>From the keyword to the semicolon.</summary>
    public TextSpan Span { get; }
}

/// <summary><c>tool NAME [: effect {, effect}];</c></summary>
public sealed class ToolStatementSyntax : StatementSyntax
{
    /// <summary>Creates a tool statement.</summary>
    public ToolStatementSyntax(NameSyntax name, IReadOnlyList<EffectSyntax> effects, TextSpan span) : base(span)
    {
        Name = name;
        Effects = effects;
    }

    /// <summary>The tool's name.</summary>
    public NameSyntax Name { get; }

    /// <summary>Its effects, in source order.</summary>
    public IReadOnlyList<EffectSyntax> Effects { get; }
}

/// <summary><c>plan REGEX;</c></summary>
public sealed class PlanStatementSyntax : StatementSyntax
{
    /// <summary>Creates a plan statement.</summary>
    public PlanStatementSyntax(PlanExpressionSyntax expression, TextSpan span) : base(span) => Expression = expression;

    /// <summary>The regular expression over tool names.</summary>
    public PlanExpressionSyntax Expression { get; }
}

/// <summary><c>flow LABEL -> TOOL {, TOOL};</c></summary>
public sealed class FlowStatementSyntax : StatementSyntax
{
    /// <summary>Creates a flow statement.</summary>
    public FlowStatementSyntax(NameSyntax label, IReadOnlyList<NameSyntax> tools, TextSpan span) : base(span)
    {
        Label = label;
        Tools = tools;
    }

    /// <summary>The confidentiality label.</summary>
    public NameSyntax Label { get; }

    /// <summary>The tools it may reach.</summary>
    public IReadOnlyList<NameSyntax> Tools { get; }
}

/// <summary><c>floor TRUST [for TOOL {, TOOL}];</c></summary>
public sealed class FloorStatementSyntax : StatementSyntax
{
    /// <summary>Creates a floor statement.</summary>
    public FloorStatementSyntax(TrustSyntax level, IReadOnlyList<NameSyntax>? tools, TextSpan span) : base(span)
    {
        Level = level;
        Tools = tools;
    }

    /// <summary>The floor.</summary>
    public TrustSyntax Level { get; }

    /// <summary>The floored tools, or <see langword="null"/> for the default floor of control sinks.</summary>
    public IReadOnlyList<NameSyntax>? Tools { get; }
}

/// <summary><c>authorize TOOL {, TOOL} by TRUST;</c></summary>
public sealed class AuthorizeStatementSyntax : StatementSyntax
{
    /// <summary>Creates an authorize statement.</summary>
    public AuthorizeStatementSyntax(IReadOnlyList<NameSyntax> tools, TrustSyntax level, TextSpan span) : base(span)
    {
        Tools = tools;
        Level = level;
    }

    /// <summary>The tools.</summary>
    public IReadOnlyList<NameSyntax> Tools { get; }

    /// <summary>The least trust of an instruction that may authorize them.</summary>
    public TrustSyntax Level { get; }
}

/// <summary><c>budget calls N;</c></summary>
public sealed class BudgetStatementSyntax : StatementSyntax
{
    /// <summary>Creates a budget statement.</summary>
    public BudgetStatementSyntax(int calls, TextSpan span) : base(span) => Calls = calls;

    /// <summary>The most allowed calls in a session.</summary>
    public int Calls { get; }
}

/// <summary><c>pin TOOL "sha256:HEX";</c>: the hash of the tool definition the operator reviewed.</summary>
public sealed class PinStatementSyntax : StatementSyntax
{
    /// <summary>Creates a pin statement.</summary>
    public PinStatementSyntax(NameSyntax tool, NameSyntax hash, TextSpan span) : base(span)
    {
        Tool = tool;
        Hash = hash;
    }

    /// <summary>The pinned tool.</summary>
    public NameSyntax Tool { get; }

    /// <summary>The hash as written: <c>sha256:</c> and 64 lowercase hex digits when well-formed.</summary>
    public NameSyntax Hash { get; }
}

/// <summary>An effect in a tool statement.</summary>
public abstract class EffectSyntax
{
    private protected EffectSyntax(TextSpan span) => Span = span;

    /// <summary>Where it stands.</summary>
    public TextSpan Span { get; }
}

/// <summary><c>sensitive(l1, l2, ...)</c></summary>
public sealed class SensitiveEffectSyntax : EffectSyntax
{
    /// <summary>Creates the effect.</summary>
    public SensitiveEffectSyntax(IReadOnlyList<NameSyntax> labels, TextSpan span) : base(span) => Labels = labels;

    /// <summary>The labels (at least one).</summary>
    public IReadOnlyList<NameSyntax> Labels { get; }
}

/// <summary><c>origin(T)</c></summary>
public sealed class OriginEffectSyntax : EffectSyntax
{
    /// <summary>Creates the effect.</summary>
    public OriginEffectSyntax(TrustSyntax level, TextSpan span) : base(span) => Level = level;

    /// <summary>The trust of the tool's output.</summary>
    public TrustSyntax Level { get; }
}

/// <summary>The kind of a sink effect.</summary>
public enum SinkEffectKind
{
    /// <summary><c>sink(external)</c></summary>
    External,

    /// <summary><c>sink(control)</c></summary>
    Control,
}

/// <summary><c>sink(external)</c> or <c>sink(control)</c></summary>
public sealed class SinkEffectSyntax : EffectSyntax
{
    /// <summary>Creates the effect.</summary>
    public SinkEffectSyntax(SinkEffectKind kind, TextSpan span) : base(span) => Kind = kind;

    /// <summary>Which sink.</summary>
    public SinkEffectKind Kind { get; }
}

/// <summary><c>shell</c></summary>
public sealed class ShellEffectSyntax : EffectSyntax
{
    /// <summary>Creates the effect.</summary>
    public ShellEffectSyntax(TextSpan span) : base(span) { }
}

/// <summary><c>egress</c></summary>
public sealed class EgressEffectSyntax : EffectSyntax
{
    /// <summary>Creates the effect.</summary>
    public EgressEffectSyntax(TextSpan span) : base(span) { }
}

/// <summary>A plan regular expression over tool names.</summary>
public abstract class PlanExpressionSyntax
{
    private protected PlanExpressionSyntax(TextSpan span) => Span = span;

    /// <summary>Where it stands.</summary>
    public TextSpan Span { get; }
}

/// <summary>One tool name in a plan.</summary>
public sealed class PlanToolSyntax : PlanExpressionSyntax
{
    /// <summary>Creates the node.</summary>
    public PlanToolSyntax(NameSyntax name) : base(name.Span) => Name = name;

    /// <summary>The tool.</summary>
    public NameSyntax Name { get; }
}

/// <summary>The unquoted <c>_</c>: any declared tool.</summary>
public sealed class PlanWildcardSyntax : PlanExpressionSyntax
{
    /// <summary>Creates the node.</summary>
    public PlanWildcardSyntax(TextSpan span) : base(span) { }
}

/// <summary>Juxtaposition: the items in sequence (two or more).</summary>
public sealed class PlanSequenceSyntax : PlanExpressionSyntax
{
    /// <summary>Creates the node.</summary>
    public PlanSequenceSyntax(IReadOnlyList<PlanExpressionSyntax> items, TextSpan span) : base(span) => Items = items;

    /// <summary>The items, in order.</summary>
    public IReadOnlyList<PlanExpressionSyntax> Items { get; }
}

/// <summary><c>a | b | ...</c> (two or more alternatives).</summary>
public sealed class PlanAlternationSyntax : PlanExpressionSyntax
{
    /// <summary>Creates the node.</summary>
    public PlanAlternationSyntax(IReadOnlyList<PlanExpressionSyntax> alternatives, TextSpan span) : base(span) => Alternatives = alternatives;

    /// <summary>The alternatives, in order.</summary>
    public IReadOnlyList<PlanExpressionSyntax> Alternatives { get; }
}

/// <summary>The postfix repetition operators.</summary>
public enum PlanRepeatKind
{
    /// <summary><c>*</c>: zero or more.</summary>
    ZeroOrMore,

    /// <summary><c>+</c>: one or more.</summary>
    OneOrMore,

    /// <summary><c>?</c>: zero or one.</summary>
    Optional,
}

/// <summary><c>e*</c>, <c>e+</c> or <c>e?</c>.</summary>
public sealed class PlanRepeatSyntax : PlanExpressionSyntax
{
    /// <summary>Creates the node.</summary>
    public PlanRepeatSyntax(PlanExpressionSyntax operand, PlanRepeatKind kind, TextSpan span) : base(span)
    {
        Operand = operand;
        Kind = kind;
    }

    /// <summary>The repeated expression.</summary>
    public PlanExpressionSyntax Operand { get; }

    /// <summary>Which operator.</summary>
    public PlanRepeatKind Kind { get; }
}

/// <summary><c>( e )</c>: kept so that formatting reproduces the author's grouping.</summary>
public sealed class PlanGroupSyntax : PlanExpressionSyntax
{
    /// <summary>Creates the node.</summary>
    public PlanGroupSyntax(PlanExpressionSyntax inner, TextSpan span) : base(span) => Inner = inner;

    /// <summary>The grouped expression.</summary>
    public PlanExpressionSyntax Inner { get; }
}
