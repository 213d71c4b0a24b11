using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Trajeckt.Generators.Tests.Infrastructure;

/// <summary>Global analyzer config options (what MSBuild passes as <c>build_property.*</c>), none per file.</summary>
internal sealed class GlobalOptionsProvider(IReadOnlyDictionary<string, string> globalOptions) : AnalyzerConfigOptionsProvider
{
    private static readonly AnalyzerConfigOptions s_none = new DictionaryOptions(new Dictionary<string, string>());

    public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(globalOptions);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => s_none;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => s_none;

    private sealed class DictionaryOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        // Non-null out on both paths: NotNullWhen is ambiguous here (the generator's polyfill is visible to the tests).
        public override bool TryGetValue(string key, out string value)
        {
            var found = values.TryGetValue(key, out var text);
            value = text ?? string.Empty;
            return found;
        }

        public override IEnumerable<string> Keys => values.Keys;
    }
}
