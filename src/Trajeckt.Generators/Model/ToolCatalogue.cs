using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Trajeckt.Generators.Model;

/// <summary>
/// What the binding of a file's tool calls depends on beyond the file itself: the project's tool declarations
/// and the referenced assemblies (whose tools a call may reach). Equal catalogues mean a file whose syntax is
/// unchanged binds its tool calls as before.
/// </summary>
internal sealed class ToolCatalogue(EquatableArray<ToolSpec> tools, ImmutableArray<MetadataReference> references) : IEquatable<ToolCatalogue>
{
    public EquatableArray<ToolSpec> Tools { get; } = tools;

    // A reference is the same assembly only as the same object: a rebuilt reference is a new one.
    private readonly ImmutableArray<MetadataReference> _references = references;

    public bool Equals(ToolCatalogue? other)
    {
        if (other is null || !Tools.Equals(other.Tools) || _references.Length != other._references.Length)
            return false;
        for (var i = 0; i < _references.Length; i++)
        {
            if (!ReferenceEquals(_references[i], other._references[i]))
                return false;
        }
        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as ToolCatalogue);

    public override int GetHashCode() => Tools.GetHashCode() ^ _references.Length;
}
