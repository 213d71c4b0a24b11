using Trajeckt.Analyzers.Tests.Infrastructure;

namespace Trajeckt.Analyzers.Tests;

/// <summary>TRJ2002: a tool reached by MethodInfo.Invoke, CreateDelegate or a dynamic call.</summary>
public sealed class BypassReflectionTests
{
    private const string Tools = """
        using System;
        using System.Reflection;
        using Trajeckt;

        public class Tools
        {
            [Tool("read_customer")]
            [SensitiveRead("customer-pii")]
            public static string ReadCustomer(string id) => id;

            [Tool("lookup")]
            public string Lookup(string id) => id;

            public static string NotATool(string id) => id;
        }
        """;

    [Fact]
    public Task MethodInfo_Invoke_of_a_tool_found_by_name_is_reported_at_the_invoke() =>
        Verify.Analyzer<BypassAnalyzer>(Tools + """

            public static class App
            {
                public static object? Run()
                {
                    var method = typeof(Tools).GetMethod(nameof(Tools.ReadCustomer));
                    return {|#0:method!.Invoke(null, new object[] { "42" })|};
                }
            }
            """,
            Verify.Diagnostic(Descriptors.ToolByReflection).WithLocation(0).WithArguments("read_customer", "MethodInfo.Invoke", "Tools.ReadCustomer"));

    [Fact]
    public Task CreateDelegate_in_both_spellings_is_reported() =>
        Verify.Analyzer<BypassAnalyzer>(Tools + """

            public static class App
            {
                public static void Run(Tools tools)
                {
                    var a = {|#0:typeof(Tools).GetMethod("ReadCustomer")!.CreateDelegate(typeof(Func<string, string>))|};
                    var b = {|#1:Delegate.CreateDelegate(typeof(Func<string, string>), tools, "Lookup")|};
                }
            }
            """,
            Verify.Diagnostic(Descriptors.ToolByReflection).WithLocation(0).WithArguments("read_customer", "a delegate made by MethodInfo.CreateDelegate", "Tools.ReadCustomer"),
            Verify.Diagnostic(Descriptors.ToolByReflection).WithLocation(1).WithArguments("lookup", "a delegate made by Delegate.CreateDelegate", "Lookup"));

    [Fact]
    public Task A_dynamic_call_of_a_tools_name_is_reported() =>
        Verify.Analyzer<BypassAnalyzer>(Tools + """

            public static class App
            {
                public static object Run(dynamic tools) => {|#0:tools.Lookup("42")|};
            }
            """,
            Verify.Diagnostic(Descriptors.ToolByReflection).WithLocation(0).WithArguments("lookup", "a dynamic call", "Lookup"));

    [Fact]
    public Task Reflection_on_methods_that_are_not_tools_and_dynamic_calls_of_other_names_are_not_reported() =>
        Verify.Analyzer<BypassAnalyzer>(Tools + """

            public static class App
            {
                public static object? Run(dynamic other, string name)
                {
                    var a = typeof(Tools).GetMethod("NotATool")!.Invoke(null, new object[] { "1" });
                    var b = typeof(Tools).GetMethod(name)!.Invoke(null, null);
                    var c = typeof(Tools).GetMethod("ReadCustomer")!.GetCustomAttributes();
                    return other.Something(a, b, c);
                }
            }
            """);
}
