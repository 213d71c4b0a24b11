using Microsoft.CodeAnalysis;

namespace Trajeckt.Generators.Tests.Infrastructure;

/// <summary>Where a diagnostic must be: a file of the test project, and the 1-based line and column of a marker in its text.</summary>
internal static class Positions
{
    /// <summary>The 1-based line and column of the first occurrence of <paramref name="marker"/> in <paramref name="text"/>.</summary>
    public static (int Line, int Column) Of(string text, string marker, int skip = 0)
    {
        var index = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(index >= 0, $"marker '{marker}' is not in the text");
        index += skip;
        var before = text[..index];
        var line = before.Count(c => c == '\n') + 1;
        var column = index - (before.LastIndexOf('\n') + 1) + 1;
        return (line, column);
    }

    /// <summary>Asserts that <paramref name="diagnostic"/> starts at <paramref name="marker"/> (plus <paramref name="skip"/> characters) in <paramref name="fileName"/>.</summary>
    public static void AssertAt(Diagnostic diagnostic, string fileName, string text, string marker, int skip = 0)
    {
        var span = diagnostic.Location.GetLineSpan();
        var (line, column) = Of(text, marker, skip);
        Assert.Equal(GeneratorHarness.Root + fileName, span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
    }
}
