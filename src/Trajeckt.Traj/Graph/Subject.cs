namespace Trajeckt.Traj.Graph;

/// <summary>
/// What the decoder is reading, for its error messages ("the floor of tool 'x'"). Composed only when an
/// error is reported: building the text for every tool and transition up front cost more than decoding.
/// </summary>
internal readonly struct Subject
{
    private readonly string _text;
    private readonly string? _ofKind;
    private readonly string? _ofName;
    private readonly int _ofNumber;
    private readonly string? _suffix;

    private Subject(string text, string? ofKind, string? ofName, int ofNumber, string? suffix)
    {
        _text = text;
        _ofKind = ofKind;
        _ofName = ofName;
        _ofNumber = ofNumber;
        _suffix = suffix;
    }

    public static implicit operator Subject(string text) => new(text, null, null, -1, null);

    /// <summary>E.g. "the floor of tool 'send_email'".</summary>
    public static Subject Of(string text, string kind, string name) => new(text, kind, name, -1, null);

    /// <summary>E.g. "a transition target of state 3".</summary>
    public static Subject Of(string text, string kind, int number) => new(text, kind, null, number, null);

    /// <summary>The same subject with text after it, e.g. "'s length".</summary>
    public Subject With(string suffix) => new(_text, _ofKind, _ofName, _ofNumber, _suffix + suffix);

    public override string ToString()
    {
        var of = _ofKind is null ? string.Empty : _ofName is not null ? $" of {_ofKind} '{_ofName}'" : $" of {_ofKind} {_ofNumber}";
        return _text + of + _suffix;
    }

    /// <summary>The text with its first letter in upper case, to start a sentence.</summary>
    public string Capitalized()
    {
        var text = ToString();
        return text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);
    }
}
