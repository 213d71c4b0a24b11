using Trajeckt.Analyzers.Tests.Infrastructure;

namespace Trajeckt.Analyzers.Tests;

/// <summary>TRJ2003 and TRJ2004: registrations that are not the gated <c>AIFunctionFactory.Create(toolMethodGroup)</c>.</summary>
public sealed class BypassRegistrationTests
{
    private const string Tools = """
        using System;
        using Microsoft.SemanticKernel;
        using Trajeckt;

        public class SupportTools
        {
            [Tool("read_customer")]
            [SensitiveRead("customer-pii")]
            public static string ReadCustomer(string id) => id;
        }

        public class PlainTools
        {
            public static string Echo(string text) => text;
        }
        """;

    // The frameworks' entry points, declared with their real namespaces and names instead of referencing the packages.
    private const string Frameworks = """

        namespace Microsoft.SemanticKernel
        {
            public sealed class KernelFunction { }
            public sealed class KernelPlugin { }
            public sealed class Kernel { public KernelPluginCollection Plugins { get; } = new(); }
            public sealed class KernelPluginCollection { }
            public static class KernelFunctionFactory
            {
                public static KernelFunction CreateFromMethod(System.Delegate method, string? functionName = null) => new();
            }
            public static class KernelPluginFactory
            {
                public static KernelPlugin CreateFromType<T>(string? pluginName = null) => new();
                public static KernelPlugin CreateFromObject(object target, string? pluginName = null) => new();
            }
            public static class KernelPluginCollectionExtensions
            {
                public static KernelPlugin AddFromType<T>(this KernelPluginCollection plugins, string? pluginName = null) => new();
            }
            public static class KernelExtensions
            {
                public static KernelPlugin ImportPluginFromObject(this Kernel kernel, object target, string? pluginName = null) => new();
            }
        }

        namespace ModelContextProtocol.Server
        {
            public abstract class McpServerTool
            {
                public static McpServerTool Create(System.Delegate method, object? options = null) => null!;
                public static McpServerTool Create(Microsoft.Extensions.AI.AIFunction function, object? options = null) => null!;
            }
        }

        namespace Microsoft.Extensions.DependencyInjection
        {
            public interface IMcpServerBuilder { }
            public static class McpServerBuilderExtensions
            {
                public static IMcpServerBuilder WithTools<TToolType>(this IMcpServerBuilder builder) => builder;
                public static IMcpServerBuilder WithTools(this IMcpServerBuilder builder, params System.Type[] toolTypes) => builder;
            }
        }
        """;

    [Fact]
    public Task Semantic_Kernel_function_and_plugin_factories_with_tools_are_reported_at_the_registration() =>
        Verify.Analyzer<BypassAnalyzer>(Tools + """

            public static class App
            {
                public static void Run(Microsoft.SemanticKernel.Kernel kernel)
                {
                    var f = {|#0:Microsoft.SemanticKernel.KernelFunctionFactory.CreateFromMethod(SupportTools.ReadCustomer)|};
                    var g = {|#1:Microsoft.SemanticKernel.KernelFunctionFactory.CreateFromMethod((string id) => SupportTools.ReadCustomer(id))|};
                    var p = {|#2:Microsoft.SemanticKernel.KernelPluginFactory.CreateFromType<SupportTools>()|};
                    var q = {|#3:Microsoft.SemanticKernel.KernelPluginFactory.CreateFromObject(new SupportTools())|};
                    {|#4:Microsoft.SemanticKernel.KernelPluginCollectionExtensions.AddFromType<SupportTools>(kernel.Plugins)|};
                    {|#5:kernel.ImportPluginFromObject(new SupportTools())|};
                }
            }
            """ + Frameworks,
            Verify.Diagnostic(Descriptors.UngatedRegistration).WithLocation(0)
                .WithArguments("KernelFunctionFactory.CreateFromMethod", "read_customer", "SupportTools.ReadCustomer", " (with Semantic Kernel: aiFunction.AsKernelFunction())"),
            Verify.Diagnostic(Descriptors.UngatedRegistration).WithLocation(1)
                .WithArguments("KernelFunctionFactory.CreateFromMethod", "read_customer", "SupportTools.ReadCustomer", " (with Semantic Kernel: aiFunction.AsKernelFunction())"),
            Verify.Diagnostic(Descriptors.UngatedRegistration).WithLocation(2)
                .WithArguments("KernelPluginFactory.CreateFromType", "read_customer", "SupportTools.ReadCustomer", " (with Semantic Kernel: aiFunction.AsKernelFunction())"),
            Verify.Diagnostic(Descriptors.UngatedRegistration).WithLocation(3)
                .WithArguments("KernelPluginFactory.CreateFromObject", "read_customer", "SupportTools.ReadCustomer", " (with Semantic Kernel: aiFunction.AsKernelFunction())"),
            Verify.Diagnostic(Descriptors.UngatedRegistration).WithLocation(4)
                .WithArguments("KernelPluginCollectionExtensions.AddFromType", "read_customer", "SupportTools.ReadCustomer", " (with Semantic Kernel: aiFunction.AsKernelFunction())"),
            Verify.Diagnostic(Descriptors.UngatedRegistration).WithLocation(5)
                .WithArguments("KernelExtensions.ImportPluginFromObject", "read_customer", "SupportTools.ReadCustomer", " (with Semantic Kernel: aiFunction.AsKernelFunction())"));

    [Fact]
    public Task ModelContextProtocol_tool_creation_and_WithTools_with_tools_are_reported() =>
        Verify.Analyzer<BypassAnalyzer>(Tools + """

            public static class App
            {
                public static void Run(Microsoft.Extensions.DependencyInjection.IMcpServerBuilder builder)
                {
                    var t = {|#0:ModelContextProtocol.Server.McpServerTool.Create(SupportTools.ReadCustomer)|};
                    {|#1:Microsoft.Extensions.DependencyInjection.McpServerBuilderExtensions.WithTools<SupportTools>(builder)|};
                    {|#2:Microsoft.Extensions.DependencyInjection.McpServerBuilderExtensions.WithTools(builder, typeof(PlainTools), typeof(SupportTools))|};
                }
            }
            """ + Frameworks,
            Verify.Diagnostic(Descriptors.UngatedRegistration).WithLocation(0)
                .WithArguments("McpServerTool.Create", "read_customer", "SupportTools.ReadCustomer", " (with ModelContextProtocol: McpServerTool.Create(aiFunction))"),
            Verify.Diagnostic(Descriptors.UngatedRegistration).WithLocation(1)
                .WithArguments("McpServerBuilderExtensions.WithTools", "read_customer", "SupportTools.ReadCustomer", " (with ModelContextProtocol: McpServerTool.Create(aiFunction))"),
            Verify.Diagnostic(Descriptors.UngatedRegistration).WithLocation(2)
                .WithArguments("McpServerBuilderExtensions.WithTools", "read_customer", "SupportTools.ReadCustomer", " (with ModelContextProtocol: McpServerTool.Create(aiFunction))"));

    [Fact]
    public Task Registrations_without_tools_and_of_a_gated_AIFunction_are_not_reported() =>
        Verify.Analyzer<BypassAnalyzer>(Tools + """

            public static class App
            {
                public static void Run(Microsoft.SemanticKernel.Kernel kernel, Microsoft.Extensions.DependencyInjection.IMcpServerBuilder builder)
                {
                    var f = Microsoft.SemanticKernel.KernelFunctionFactory.CreateFromMethod(PlainTools.Echo);
                    var p = Microsoft.SemanticKernel.KernelPluginFactory.CreateFromType<PlainTools>();
                    var gated = Microsoft.Extensions.AI.AIFunctionFactory.Create(SupportTools.ReadCustomer);
                    var t = ModelContextProtocol.Server.McpServerTool.Create(gated);
                    Microsoft.Extensions.DependencyInjection.McpServerBuilderExtensions.WithTools<PlainTools>(builder);
                }
            }
            """ + Frameworks);

    [Fact]
    public Task A_lambda_or_anonymous_method_around_a_tool_in_AIFunctionFactory_Create_is_reported_at_the_lambda() =>
        Verify.Analyzer<BypassAnalyzer>(Tools + """

            public static class App
            {
                public static void Run()
                {
                    var a = Microsoft.Extensions.AI.AIFunctionFactory.Create({|#0:(string id) => SupportTools.ReadCustomer(id)|});
                    var b = Microsoft.Extensions.AI.AIFunctionFactory.Create({|#1:delegate (string id) { return SupportTools.ReadCustomer(id); }|});
                    var c = Microsoft.Extensions.AI.AIFunctionFactory.Create((string text) => PlainTools.Echo(text));
                }
            }
            """ + Frameworks,
            Verify.Diagnostic(Descriptors.LambdaRegistration).WithLocation(0).WithArguments("read_customer", "lambda", "SupportTools.ReadCustomer"),
            Verify.Diagnostic(Descriptors.LambdaRegistration).WithLocation(1).WithArguments("read_customer", "anonymous method", "SupportTools.ReadCustomer"));

    [Fact]
    public Task AIFunctionFactory_Create_from_a_tools_MethodInfo_is_an_ungated_registration() =>
        Verify.Analyzer<BypassAnalyzer>(Tools + """

            public static class App
            {
                public static void Run()
                {
                    var method = typeof(SupportTools).GetMethod(nameof(SupportTools.ReadCustomer))!;
                    var a = {|#0:Microsoft.Extensions.AI.AIFunctionFactory.Create(method, target: null)|};
                    var b = Microsoft.Extensions.AI.AIFunctionFactory.Create(typeof(PlainTools).GetMethod("Echo")!, target: null);
                }
            }
            """ + Frameworks,
            Verify.Diagnostic(Descriptors.UngatedRegistration).WithLocation(0)
                .WithArguments("AIFunctionFactory.Create(MethodInfo)", "read_customer", "SupportTools.ReadCustomer", ""));

    private const string LambdaRegistrationProgram = """

        public static class App
        {
            public static void Run()
            {
                var a = Microsoft.Extensions.AI.AIFunctionFactory.Create({|#0:(string id) => SupportTools.ReadCustomer(id)|});
            }
        }
        """;

    [Fact]
    public Task The_project_can_make_the_lambda_warning_an_error() =>
        Verify.AnalyzerWithSeverity<BypassAnalyzer>(Tools + LambdaRegistrationProgram + Frameworks, "TRJ2004", Microsoft.CodeAnalysis.ReportDiagnostic.Error,
            Verify.Diagnostic(Descriptors.LambdaRegistration).WithLocation(0).WithArguments("read_customer", "lambda", "SupportTools.ReadCustomer")
                .WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Error));

    [Fact]
    public Task An_editorconfig_can_turn_the_lambda_warning_off() =>
        Verify.AnalyzerWithEditorConfig<BypassAnalyzer>(Tools + LambdaRegistrationProgram.Replace("{|#0:", "").Replace("|}", "") + Frameworks,
            "root = true\n\n[*.cs]\ndotnet_diagnostic.TRJ2004.severity = none\n");
}
