namespace Trajeckt.Replay;

/// <summary>
/// Why a trace is invalid. Each value has a stable diagnostic code, <c>TRC0001</c> and up, in the
/// order below (see <see cref="TraceFormatException.Code"/>).
/// </summary>
public enum TraceErrorCode
{
    /// <summary><c>TRC0001</c>: the line is not valid JSON.</summary>
    InvalidJson = 1,

    /// <summary><c>TRC0002</c>: the file is not valid UTF-8, or the text holds an unpaired surrogate or the noncharacter U+FFFF.</summary>
    InvalidEncoding = 2,

    /// <summary><c>TRC0003</c>: the line is longer than <see cref="TraceReader.MaxLineLength"/> characters.</summary>
    LineTooLong = 3,

    /// <summary><c>TRC0004</c>: the line is JSON, but not an object.</summary>
    NotAnObject = 4,

    /// <summary><c>TRC0005</c>: a key that no event has, or that this kind of event does not have.</summary>
    UnknownKey = 5,

    /// <summary><c>TRC0006</c>: a key appears twice in one object.</summary>
    DuplicateKey = 6,

    /// <summary><c>TRC0007</c>: the line has none of <c>call</c>, <c>authorize</c>, <c>input</c>, <c>note</c>, <c>options</c>.</summary>
    NoEventKind = 7,

    /// <summary><c>TRC0008</c>: the line has more than one of <c>call</c>, <c>authorize</c>, <c>input</c>, <c>note</c>, <c>options</c>.</summary>
    SeveralEventKinds = 8,

    /// <summary><c>TRC0009</c>: a required key is missing (<c>by</c> on an authorization).</summary>
    MissingKey = 9,

    /// <summary><c>TRC0010</c>: a value has the wrong JSON type.</summary>
    WrongType = 10,

    /// <summary><c>TRC0011</c>: a tool or label name is empty.</summary>
    EmptyName = 11,

    /// <summary><c>TRC0012</c>: a trust name that is not one of the lattice's six levels.</summary>
    UnknownTrust = 12,

    /// <summary><c>TRC0013</c>: an <c>expect</c> value this kind of event cannot have.</summary>
    UnknownExpectation = 13,

    /// <summary><c>TRC0014</c>: a <c>reason</c> that is not a known reason code.</summary>
    UnknownReason = 14,

    /// <summary><c>TRC0015</c>: a <c>reason</c> beside <c>"expect": "allow"</c> or <c>"accepted"</c>, which has no reason.</summary>
    ContradictoryExpectation = 15,

    /// <summary><c>TRC0016</c>: an <c>options</c> line that is not the first non-blank line.</summary>
    MisplacedOptions = 16,
}
