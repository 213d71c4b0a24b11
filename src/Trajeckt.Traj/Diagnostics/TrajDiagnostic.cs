namespace Trajeckt.Traj;

/// <summary>How serious a <see cref="TrajDiagnostic"/> is.</summary>
public enum TrajSeverity
{
    /// <summary>The policy compiles, but probably not as intended.</summary>
    Warning,

    /// <summary>The policy does not compile.</summary>
    Error,
}

/// <summary>A position in a policy file: 1-based line and column, and the 0-based character span.</summary>
public readonly struct SourceLocation : IEquatable<SourceLocation>
{
    /// <summary>Creates a location.</summary>
    public SourceLocation(string filePath, int line, int column, int start, int length)
    {
        FilePath = filePath;
        Line = line;
        Column = column;
        Start = start;
        Length = length;
    }

    /// <summary>The file the policy came from, as the caller named it.</summary>
    public string FilePath { get; }

    /// <summary>1-based line.</summary>
    public int Line { get; }

    /// <summary>1-based column, in UTF-16 code units.</summary>
    public int Column { get; }

    /// <summary>0-based offset of the first character.</summary>
    public int Start { get; }

    /// <summary>Number of characters covered.</summary>
    public int Length { get; }

    /// <inheritdoc/>
    public bool Equals(SourceLocation other) =>
        string.Equals(FilePath, other.FilePath, StringComparison.Ordinal) && Line == other.Line && Column == other.Column
        && Start == other.Start && Length == other.Length;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SourceLocation other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => ((FilePath?.GetHashCode() ?? 0) * 31 + Start) * 31 + Length;

    /// <summary>The MSBuild-style prefix <c>file(line,col)</c>.</summary>
    public override string ToString() => $"{FilePath}({Line},{Column})";
}

/// <summary>An error or warning about a policy, with a stable code (<c>TRJ0001</c> ...) and its position.</summary>
public sealed class TrajDiagnostic
{
    /// <summary>Creates a diagnostic.</summary>
    public TrajDiagnostic(string code, TrajSeverity severity, string message, SourceLocation location)
    {
        Code = code;
        Severity = severity;
        Message = message;
        Location = location;
    }

    /// <summary>The stable diagnostic code, e.g. <c>TRJ0101</c>.</summary>
    public string Code { get; }

    /// <summary>Error or warning.</summary>
    public TrajSeverity Severity { get; }

    /// <summary>What is wrong, in one sentence.</summary>
    public string Message { get; }

    /// <summary>Where it is wrong.</summary>
    public SourceLocation Location { get; }

    /// <summary>Whether this diagnostic stops compilation.</summary>
    public bool IsError => Severity == TrajSeverity.Error;

    /// <summary>The MSBuild-style line <c>file(line,col): error TRJxxxx: message</c>.</summary>
    public override string ToString() =>
        $"{Location}: {(IsError ? "error" : "warning")} {Code}: {Message}";
}
