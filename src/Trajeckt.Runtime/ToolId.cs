namespace Trajeckt;

/// <summary>
/// A typed handle to a declared tool: its index in the commitment's tool table and its name. The
/// generator emits one per tool; <see cref="Commitment.TryGetToolId(string, out ToolId)"/> finds one at
/// run time. A session checks the name against its own graph, so a handle built for another graph can
/// never select a different tool: a mismatch is refused as <c>unknown_tool</c>.
/// </summary>
public readonly struct ToolId : IEquatable<ToolId>
{
    /// <summary>Creates a tool handle.</summary>
    /// <param name="index">The tool's index in the graph's tool table (tools sorted by ordinal name).</param>
    /// <param name="name">The tool's name.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public ToolId(int index, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentNullException.ThrowIfNull(name);
        Index = index;
        Name = name;
    }

    /// <summary>The tool's index in the graph's tool table.</summary>
    public int Index { get; }

    /// <summary>The tool's name; <see langword="null"/> only for the default value, which names no tool.</summary>
    public string? Name { get; }

    /// <inheritdoc/>
    public bool Equals(ToolId other) => Index == other.Index && string.Equals(Name, other.Name, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ToolId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Index, Name is null ? 0 : StringComparer.Ordinal.GetHashCode(Name));

    /// <summary>Returns the tool's name.</summary>
    public override string ToString() => Name ?? string.Empty;

    /// <summary>Whether two handles are equal.</summary>
    public static bool operator ==(ToolId left, ToolId right) => left.Equals(right);

    /// <summary>Whether two handles differ.</summary>
    public static bool operator !=(ToolId left, ToolId right) => !left.Equals(right);
}
