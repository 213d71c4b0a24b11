using Trajeckt.Analyzers.Tests.Infrastructure;

namespace Trajeckt.Analyzers.Tests;

/// <summary>TRJ2013 and TRJ2014: reflection and unsafe access that may reach a tool, beyond GetMethod("constant").Invoke.</summary>
public sealed class ReflectionAccessTests
{
    private const string Tools = """
        using System;
        using System.Linq;
        using System.Linq.Expressions;
        using System.Reflection;
        using System.Runtime.CompilerServices;
        using Trajeckt;

        namespace App;

        public static class Tools
        {
            [Tool("read_secret")]
            [SensitiveRead("secret")]
            public static string ReadSecret() => "s3cret";

            public static string NotATool() => "";
        }

        public class Vault
        {
            [Tool("open_vault")]
            [SensitiveRead("secret")]
            public string Open() => "gold";
        }

        public class Plain
        {
            public string Hello() => "hi";
        }

        """;

    public static TheoryData<string, string> Errors => new()
    {
        { "foreach (var m in typeof(Tools).GetMethods()) m.Invoke(null, null);", "typeof(Tools).GetMethods()" },
        { "typeof(Tools).InvokeMember(\"ReadSecret\", BindingFlags.InvokeMethod, null, null, null);", "typeof(Tools).InvokeMember(" },
        { "var t = Type.GetType(\"App.Tools\"); t!.GetMethods();", "Type.GetType(\"App.Tools\")" },
        { "var t = Type.GetType(\"App.Tools\")!; _ = t.GetMethod(\"ReadSecret\");", "t.GetMethod(\"ReadSecret\")" },
        { "var p = typeof(Tools).GetMethod(\"ReadSecret\")!.MethodHandle.GetFunctionPointer();", "typeof(Tools).GetMethod(\"ReadSecret\")" },
        { "var call = Expression.Call(typeof(Tools), \"ReadSecret\", null); Expression.Lambda<Func<string>>(call).Compile()();", "Expression.Call(typeof(Tools), \"ReadSecret\", null)" },
        { "var f = (Func<string>)Delegate.CreateDelegate(typeof(Func<string>), typeof(Tools), \"ReadSecret\");", "Delegate.CreateDelegate(" },
        { "var name = Console.ReadLine()!; Microsoft.Extensions.AI.AIFunctionFactory.Create(typeof(Tools).GetMethod(name)!, null);", "typeof(Tools).GetMethod(name)" },
        { "object o = new Vault(); o.GetType().GetMethods();", "o.GetType().GetMethods()" },
        { "_ = typeof(Vault).GetTypeInfo().DeclaredMethods;", "DeclaredMethods" },
        { "_ = typeof(Tools).GetRuntimeMethods();", "GetRuntimeMethods()" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void A_member_lookup_that_may_reach_a_tool_is_an_error(string code, string at)
    {
        var result = Build.Run(Program(code));

        result.AssertError("TRJ2013", at);
    }

    [Fact]
    public void A_method_info_kept_in_a_field_is_reported_where_it_is_looked_up()
    {
        var result = Build.Run(Tools + """
            public static class Cache
            {
                public static readonly MethodInfo Secret = typeof(Tools).GetMethod("ReadSecret")!;

                public static object? Run() => Secret.Invoke(null, null);
            }
            """);

        result.AssertError("TRJ2013", "typeof(Tools).GetMethod(\"ReadSecret\")");
    }

    [Fact]
    public void An_unsafe_accessor_to_a_tool_is_an_error()
    {
        var result = Build.Run(Tools + """
            public static class Sneak
            {
                [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "Open")]
                public static extern string Open(Vault vault);
            }
            """);

        var error = result.AssertError("TRJ2013", "Open");
        Assert.Contains("[UnsafeAccessor] 'Open'", error.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Type t = Type.GetType(Console.ReadLine()!)!; t.GetMethods();", "t.GetMethods()")]
    [InlineData("_ = typeof(Tools).Module.ResolveMethod(42);", "ResolveMethod(42)")]
    public void A_lookup_on_a_type_known_only_at_run_time_is_a_warning(string code, string at)
    {
        var result = Build.Run(Program(code));

        var warning = Assert.Single(result.WithId("TRJ2014"));
        Assert.Contains(at, warning.Location.SourceTree!.GetText().ToString(warning.Location.SourceSpan), StringComparison.Ordinal);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, warning.Severity);
    }

    [Theory]
    [InlineData("_ = typeof(Plain).GetMethods();")]
    [InlineData("_ = typeof(Tools).GetMethod(\"NotATool\");")]
    [InlineData("_ = new Plain().GetType().GetMethod(\"Hello\");")]
    [InlineData("_ = Type.GetType(\"App.Plain\");")]
    [InlineData("var name = nameof(Tools.ReadSecret);")]
    public void Reflection_that_cannot_reach_a_tool_is_not_reported(string code)
    {
        var result = Build.Run(Program(code));

        Assert.Empty(result.WithId("TRJ2013"));
        Assert.Empty(result.WithId("TRJ2014"));
    }

    private static string Program(string code) => Tools + $$"""
        public static class Use
        {
            public static void Run()
            {
                {{code}}
            }
        }
        """;
}
