namespace Trajeckt.Generators;

/// <summary>Text for generated /// comments.</summary>
internal static class DocComments
{
    // Names may hold what C# reads as a line end (U+0085, U+2028, U+2029 are allowed in Traj names), which
    // would end the /// comment mid-line and leave the rest as code: write those as character references.
    public static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;")
        .Replace("\u0085", "&#x85;").Replace("\u2028", "&#x2028;").Replace("\u2029", "&#x2029;");
}
