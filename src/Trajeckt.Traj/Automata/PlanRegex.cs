using Trajeckt.Traj.Syntax;

namespace Trajeckt.Traj.Automata;

/// <summary>
/// A plan as a regular expression over tool indices (docs/traj-language.md <c>plan</c>), the input of
/// <see cref="PlanAutomatonBuilder"/>. The binder translates plan syntax into these nodes; tool indices
/// refer to the graph's tools in ordinal-name order. Nodes are immutable.
/// </summary>
internal abstract class PlanRegex
{
    private protected PlanRegex()
    {
    }

    /// <summary>The wildcard <c>_</c>: any one declared tool.</summary>
    public static PlanRegex Any { get; } = new PlanAny();

    /// <summary>The empty word (a sequence of nothing).</summary>
    public static PlanRegex Epsilon { get; } = new PlanSequence(Array.Empty<PlanRegex>());

    /// <summary>The empty language (an alternation of nothing).</summary>
    public static PlanRegex Nothing { get; } = new PlanAlternation(Array.Empty<PlanRegex>());

    /// <summary>One call of the tool with index <paramref name="tool"/>.</summary>
    public static PlanRegex Symbol(int tool) =>
        tool >= 0 ? new PlanSymbol(tool) : throw new ArgumentOutOfRangeException(nameof(tool), tool, "A tool index is not negative.");

    /// <summary>The items one after another.</summary>
    public static PlanRegex Sequence(params PlanRegex[] items) => new PlanSequence(CopyNonNull(items, nameof(items)));

    /// <summary>Any one of the alternatives.</summary>
    public static PlanRegex Alternation(params PlanRegex[] alternatives) =>
        new PlanAlternation(CopyNonNull(alternatives, nameof(alternatives)));

    /// <summary><c>operand*</c>, <c>operand+</c> or <c>operand?</c>.</summary>
    public static PlanRegex Repeat(PlanRegex operand, PlanRepeatKind kind) =>
        new PlanRepeat(operand ?? throw new ArgumentNullException(nameof(operand)), kind);

    /// <summary><c>operand*</c>.</summary>
    public static PlanRegex Star(PlanRegex operand) => Repeat(operand, PlanRepeatKind.ZeroOrMore);

    /// <summary><c>operand+</c>.</summary>
    public static PlanRegex Plus(PlanRegex operand) => Repeat(operand, PlanRepeatKind.OneOrMore);

    /// <summary><c>operand?</c>.</summary>
    public static PlanRegex Optional(PlanRegex operand) => Repeat(operand, PlanRepeatKind.Optional);

    private static PlanRegex[] CopyNonNull(PlanRegex[] items, string parameterName)
    {
        if (items is null)
            throw new ArgumentNullException(parameterName);
        var copy = (PlanRegex[])items.Clone();
        foreach (var item in copy)
        {
            if (item is null)
                throw new ArgumentException("A plan expression has no null parts.", parameterName);
        }
        return copy;
    }
}

/// <summary>One call of a specific tool.</summary>
internal sealed class PlanSymbol : PlanRegex
{
    internal PlanSymbol(int tool) => Tool = tool;

    /// <summary>The tool's index.</summary>
    public int Tool { get; }
}

/// <summary>The wildcard <c>_</c>: one call of any declared tool (none when there are no tools).</summary>
internal sealed class PlanAny : PlanRegex
{
    internal PlanAny()
    {
    }
}

/// <summary>Juxtaposition: the items one after another; no items is the empty word.</summary>
internal sealed class PlanSequence : PlanRegex
{
    internal PlanSequence(PlanRegex[] items) => Items = items;

    /// <summary>The items, in order.</summary>
    public IReadOnlyList<PlanRegex> Items { get; }
}

/// <summary><c>a | b | ...</c>: any one of the alternatives; no alternatives is the empty language.</summary>
internal sealed class PlanAlternation : PlanRegex
{
    internal PlanAlternation(PlanRegex[] alternatives) => Alternatives = alternatives;

    /// <summary>The alternatives.</summary>
    public IReadOnlyList<PlanRegex> Alternatives { get; }
}

/// <summary><c>e*</c>, <c>e+</c> or <c>e?</c>.</summary>
internal sealed class PlanRepeat : PlanRegex
{
    internal PlanRepeat(PlanRegex operand, PlanRepeatKind kind)
    {
        Operand = operand;
        Kind = kind;
    }

    /// <summary>The repeated expression.</summary>
    public PlanRegex Operand { get; }

    /// <summary>Which operator.</summary>
    public PlanRepeatKind Kind { get; }
}
