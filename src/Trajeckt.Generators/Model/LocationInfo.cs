using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Trajeckt.Generators.Model;

/// <summary>A source location as plain values (models hold no SyntaxTree), turned back into a Location to report.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    public static LocationInfo? From(Location? location) =>
        location is null || location.SourceTree is null && !location.IsInSource && location.Kind != LocationKind.ExternalFile
            ? null
            : new LocationInfo(location.GetLineSpan().Path, location.SourceSpan, location.GetLineSpan().Span);
}
