namespace Trajeckt.Traj.Graph;

/// <summary>What is wrong with bytes that <see cref="GraphDecoder"/> refused.</summary>
public enum GraphFormatErrorKind
{
    /// <summary>The bytes do not start with the magic <c>TRJG</c>.</summary>
    BadMagic,

    /// <summary>The format version is not one this library reads.</summary>
    UnsupportedVersion,

    /// <summary>The bytes end in the middle of a value.</summary>
    Truncated,

    /// <summary>A length or count is larger than the bytes that remain could hold, or than its domain allows.</summary>
    LengthOutOfRange,

    /// <summary>The input, or a count in it, exceeds a hard limit of <see cref="GraphLimits"/>.</summary>
    TooLarge,

    /// <summary>A string is not strictly valid UTF-8.</summary>
    InvalidUtf8,

    /// <summary>A value is outside its domain: an unknown trust level or effect bit, a flag that is neither 0 nor 1, an empty name.</summary>
    InvalidValue,

    /// <summary>An index refers to no label, tool or state.</summary>
    InvalidReference,

    /// <summary>
    /// The bytes describe a graph, but not in its one canonical encoding: an overlong varint, names out of
    /// order or repeated, an unused label, a non-default authorizer of a tool without a floor, a sensitive
    /// flag that disagrees with the labels, or a plan automaton that is not minimal or has states out of breadth-first order, unreachable or dead.
    /// </summary>
    NotCanonical,

    /// <summary>The graph breaks a rule of docs/semantics.md: no plan state, a flow to a tool that is not an external sink or egress, a control sink without a floor.</summary>
    InvalidGraph,

    /// <summary>Bytes follow the end of the graph.</summary>
    TrailingBytes,
}
