using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Trajeckt.Generators.Tests.Infrastructure;

namespace Trajeckt.Generators.Tests;

/// <summary>
/// An exception inside the generator is error TRJ1008 naming the file it was working on: it never escapes, which
/// would only make the compiler skip the generator (warning CS8785) and build the project with no gate at all.
/// </summary>
public sealed class GeneratorFailureTests
{
    private const string Tools = """
        using Trajeckt;

        namespace Agent;

        public static class Support
        {
            [Tool("read_ticket")]
            public static string ReadTicket(int id) => id.ToString();

            public static string Use() => ReadTicket(1);
        }
        """;

    [Fact]
    public void APolicyThatCannotBeReadIsAnErrorNamingTheFile()
    {
        var driver = GeneratorHarness.CreateDriver([new UnreadableText(GeneratorHarness.Root + "support.traj")]);

        var run = GeneratorHarness.Run(driver, GeneratorHarness.Compile([("Tools.cs", Tools)]));

        Assert.Null(run.Result.Exception);
        var diagnostic = Assert.Single(run.WithId("TRJ1008"));
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("'/agent/support.traj'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("System.IO.IOException: disk gone", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "CS8785");
    }

    [Fact]
    public void BuildPropertiesThatThrowAreAnErrorAndTheCallsStayUnintercepted()
    {
        var driver = CSharpGeneratorDriver.Create(
            [new TrajecktGenerator().AsSourceGenerator()],
            [],
            GeneratorHarness.ParseOptions,
            new ThrowingOptionsProvider());

        var run = GeneratorHarness.Run(driver, GeneratorHarness.Compile([("Tools.cs", Tools)]));

        Assert.Null(run.Result.Exception);
        var failures = run.WithId("TRJ1008").ToList();
        Assert.NotEmpty(failures);
        Assert.All(failures, d => Assert.Contains("the build properties", d.GetMessage(), StringComparison.Ordinal));
        // Fail closed: with the setting unknown, no interceptor is emitted and TRJ1005 says what to check.
        Assert.Single(run.WithId("TRJ1005"));
    }

    [Fact]
    public void ThePackageMakesASkippedOrUnloadedGeneratorAnError()
    {
        var root = typeof(GeneratorFailureTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
        var targets = System.Xml.Linq.XDocument.Load(Path.Combine(root, "src", "Trajeckt", "build", "Trajeckt.targets"));

        var warningsAsErrors = targets.Descendants("WarningsAsErrors").Single().Value.Split(';');

        Assert.Equal("$(WarningsAsErrors)", warningsAsErrors[0]);
        Assert.Contains("CS8785", warningsAsErrors);
        Assert.Contains("CS9057", warningsAsErrors);
    }

    private sealed class UnreadableText(string path) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => throw new IOException("disk gone");
    }

    private sealed class ThrowingOptionsProvider : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new ThrowingOptions();

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;

        private sealed class ThrowingOptions : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value) => throw new InvalidOperationException("options store unavailable");
        }
    }
}
