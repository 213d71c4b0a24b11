using Trajeckt.Traj.Graph;

namespace Trajeckt.Traj;

/// <summary>
/// A tool declared outside the policy text, e.g. by C# attributes (<c>[Tool]</c>, <c>[SensitiveRead]</c> ...).
/// A policy needs no <c>tool</c> line for it; a <c>tool</c> line that states other effects is an error.
/// </summary>
public sealed class HostTool
{
    /// <summary>Creates a host tool declaration.</summary>
    /// <param name="name">The tool's name.</param>
    /// <param name="effects">Its effect flags; <see cref="ToolEffects.Sensitive"/> is implied by <paramref name="labels"/>.</param>
    /// <param name="labels">The labels its output carries.</param>
    /// <param name="origin">The trust of its output.</param>
    /// <param name="floor">A floor (C#: <c>[Origin]</c> on a parameter), or <see langword="null"/>.</param>
    public HostTool(string name, ToolEffects effects, IReadOnlyList<string> labels, Trust origin = Trust.ToolOutput, Trust? floor = null)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Labels = labels?.Distinct(StringComparer.Ordinal).OrderBy(l => l, StringComparer.Ordinal).ToArray() ?? throw new ArgumentNullException(nameof(labels));
        Effects = Labels.Count > 0 ? effects | ToolEffects.Sensitive : effects & ~ToolEffects.Sensitive;
        Origin = origin;
        Floor = floor;
    }

    /// <summary>The tool's name.</summary>
    public string Name { get; }

    /// <summary>Its effect flags.</summary>
    public ToolEffects Effects { get; }

    /// <summary>The labels its output carries, sorted and distinct.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>The trust of its output.</summary>
    public Trust Origin { get; }

    /// <summary>Its floor, if any.</summary>
    public Trust? Floor { get; }
}
