using Trajeckt.Analyzers.CodeFixes;
using Trajeckt.Analyzers.Tests.Infrastructure;

namespace Trajeckt.Analyzers.Tests;

/// <summary>The mechanical fixes: a forwarding lambda becomes the gated method-group registration; a tool gets an effect attribute.</summary>
public sealed class CodeFixTests
{
    private const string Tools = """
        using Microsoft.Extensions.AI;
        using Trajeckt;

        public class SupportTools
        {
            [Tool("read_customer"), SensitiveRead("customer-pii")]
            public static string ReadCustomer(string id, int limit) => id;

            [Tool("lookup"), SensitiveRead("kb")]
            public string Lookup(string id) => id;
        }

        """;

    [Fact]
    public Task A_lambda_that_forwards_its_parameters_becomes_the_method_group() =>
        Verify.CodeFix<BypassAnalyzer, LambdaRegistrationCodeFix>(Tools + """
            public static class App
            {
                public static AIFunction Register() => AIFunctionFactory.Create({|#0:(string id, int limit) => SupportTools.ReadCustomer(id, limit)|}, "read_customer");
            }
            """, Tools + """
            public static class App
            {
                public static AIFunction Register() => AIFunctionFactory.Create(SupportTools.ReadCustomer, "read_customer");
            }
            """,
            Verify.Diagnostic(Descriptors.LambdaRegistration).WithLocation(0).WithArguments("read_customer", "lambda", "SupportTools.ReadCustomer"));

    [Fact]
    public Task An_anonymous_method_with_a_block_body_on_an_instance_becomes_the_method_group() =>
        Verify.CodeFix<BypassAnalyzer, LambdaRegistrationCodeFix>(Tools + """
            public static class App
            {
                public static AIFunction Register(SupportTools tools) => AIFunctionFactory.Create({|#0:delegate (string id) { return tools.Lookup(id); }|});
            }
            """, Tools + """
            public static class App
            {
                public static AIFunction Register(SupportTools tools) => AIFunctionFactory.Create(tools.Lookup);
            }
            """,
            Verify.Diagnostic(Descriptors.LambdaRegistration).WithLocation(0).WithArguments("lookup", "anonymous method", "Lookup"));

    [Fact]
    public Task A_lambda_that_does_more_than_forward_is_not_fixed() =>
        Verify.CodeFix<BypassAnalyzer, LambdaRegistrationCodeFix>(Tools + """
            public static class App
            {
                public static AIFunction Register() => AIFunctionFactory.Create({|#0:(string id) => SupportTools.ReadCustomer(id.Trim(), 10)|});
            }
            """, Tools + """
            public static class App
            {
                public static AIFunction Register() => AIFunctionFactory.Create({|#0:(string id) => SupportTools.ReadCustomer(id.Trim(), 10)|});
            }
            """,
            Verify.Diagnostic(Descriptors.LambdaRegistration).WithLocation(0).WithArguments("read_customer", "lambda", "SupportTools.ReadCustomer"));

    private const string Untagged = """
        using Trajeckt;

        public static class Tools
        {
            [Tool("lookup")]
            public static string {|#0:Lookup|}(string id) => id;
        }
        """;

    [Theory]
    [InlineData(0, "Origin(Trust.ToolOutput)")]
    [InlineData(1, "Sink(SinkKind.External)")]
    [InlineData(2, "Sink(SinkKind.Control)")]
    [InlineData(3, "NetworkEgress")]
    [InlineData(4, "ShellExec")]
    public Task A_tool_without_effects_gets_the_chosen_effect_attribute(int action, string attribute) =>
        Verify.CodeFix<ToolDeclarationAnalyzer, ToolEffectsCodeFix>(Untagged, $$"""
            using Trajeckt;

            public static class Tools
            {
                [Tool("lookup"), {{attribute}}]
                public static string Lookup(string id) => id;
            }
            """,
            Verify.Diagnostic(Descriptors.ToolWithoutEffects).WithLocation(0).WithArguments("lookup"),
            action);
}
