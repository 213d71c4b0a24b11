using Trajeckt.Analyzers.Tests.Infrastructure;

namespace Trajeckt.Analyzers.Tests;

/// <summary>TRJ2001: a tool converted to a delegate, except as the gated AIFunctionFactory.Create argument.</summary>
public sealed class BypassDelegateTests
{
    private const string Tools = """
        using System;
        using Trajeckt;

        public static class Tools
        {
            [Tool("read_customer")]
            [SensitiveRead("customer-pii")]
            public static string ReadCustomer(string id) => id;

            public static string NotATool(string id) => id;
        }
        """;

    [Fact]
    public Task A_method_group_converted_to_a_delegate_is_reported_at_the_method_group() =>
        Verify.Analyzer<BypassAnalyzer>(Tools + """

            public static class App
            {
                public static string Run()
                {
                    Func<string, string> read = {|#0:Tools.ReadCustomer|};
                    return read("42");
                }
            }
            """,
            Verify.Diagnostic(Descriptors.ToolAsDelegate).WithLocation(0).WithArguments("read_customer", "Tools.ReadCustomer"));

    [Fact]
    public Task An_explicit_delegate_creation_and_a_method_group_argument_are_reported() =>
        Verify.Analyzer<BypassAnalyzer>(Tools + """

            public static class App
            {
                public static void Run(Action<Func<string, string>> sink)
                {
                    var read = new Func<string, string>({|#0:Tools.ReadCustomer|});
                    sink({|#1:Tools.ReadCustomer|});
                }
            }
            """,
            Verify.Diagnostic(Descriptors.ToolAsDelegate).WithLocation(0).WithArguments("read_customer", "Tools.ReadCustomer"),
            Verify.Diagnostic(Descriptors.ToolAsDelegate).WithLocation(1).WithArguments("read_customer", "Tools.ReadCustomer"));

    [Fact]
    public Task Direct_calls_lambdas_that_call_the_tool_nameof_and_non_tools_are_not_reported() =>
        Verify.Analyzer<BypassAnalyzer>(Tools + """

            public static class App
            {
                public static string Run()
                {
                    Func<string, string> gated = id => Tools.ReadCustomer(id);
                    Func<string, string> other = Tools.NotATool;
                    return Tools.ReadCustomer("1") + gated("2") + other("3") + nameof(Tools.ReadCustomer);
                }
            }
            """);

    [Fact]
    public Task The_gated_AIFunctionFactory_registration_is_not_reported() =>
        Verify.Analyzer<BypassAnalyzer>(Tools + """

            public static class App
            {
                public static Microsoft.Extensions.AI.AIFunction Register() =>
                    Microsoft.Extensions.AI.AIFunctionFactory.Create(Tools.ReadCustomer, "read_customer");
            }
            """);

    [Fact]
    public Task A_method_group_of_an_instance_tool_and_an_interface_implementation_is_reported() =>
        Verify.Analyzer<BypassAnalyzer>("""
            using System;
            using Trajeckt;

            public interface IMailer
            {
                [Tool("send_email")]
                [Sink(SinkKind.External)]
                void Send(string to);
            }

            public sealed class Mailer : IMailer
            {
                public void Send(string to) { }
            }

            public static class App
            {
                public static void Run(Mailer mailer)
                {
                    Action<string> send = {|#0:mailer.Send|};
                    send("x");
                }
            }
            """,
            Verify.Diagnostic(Descriptors.ToolAsDelegate).WithLocation(0).WithArguments("send_email", "Send"));

    [Fact]
    public Task Nothing_is_reported_without_the_Trajeckt_runtime() =>
        Verify.Analyzer<BypassAnalyzer>("""
            using System;

            public static class App
            {
                public static string Read(string id) => id;
                public static Func<string, string> Run() => Read;
            }
            """);
}
