using Trajeckt.Analyzers.Tests.Infrastructure;

namespace Trajeckt.Analyzers.Tests;

/// <summary>
/// TRJ2010 at calls the generator binds to a non-tool member that the runtime may dispatch to a tool body:
/// interceptors bind the static target, so such a call is never gated.
/// </summary>
public sealed class DispatchTests
{
    public static TheoryData<string, string, string> Bypasses => new()
    {
        {
            "a tool override called through a non-tool base",
            "public class Base { public virtual string Read() => \"\"; } public class Vault : Base { [Tool(\"read\")] [SensitiveRead(\"secret\")] public override string Read() => \"gold\"; }",
            "Base b = new Vault(); _ = b.Read();"
        },
        {
            "a tool implementation called through a non-tool interface",
            "public interface IReader { string Read(); } public class Vault : IReader { [Tool(\"read\")] [SensitiveRead(\"secret\")] public string Read() => \"gold\"; }",
            "IReader r = new Vault(); _ = r.Read();"
        },
        {
            "an interface tool implemented by an inherited non-tool method",
            "public interface IReader { [Tool(\"read\")] [SensitiveRead(\"secret\")] string Read(); } public class Base { public string Read() => \"gold\"; } public class Vault : Base, IReader { }",
            "_ = new Vault().Read();"
        },
        {
            "a static abstract interface member called as T.M()",
            "public interface IMaker { static abstract string Make(); } public class Vault : IMaker { [Tool(\"make\")] [SensitiveRead(\"secret\")] public static string Make() => \"gold\"; } public static class Generic { public static string Run<T>() where T : IMaker => T.Make(); }",
            "_ = Generic.Run<Vault>();"
        },
        {
            "a method group of a non-tool interface member",
            "public interface IReader { string Read(); } public class Vault : IReader { [Tool(\"read\")] [SensitiveRead(\"secret\")] public string Read() => \"gold\"; }",
            "IReader r = new Vault(); Func<string> f = r.Read;"
        },
    };

    [Theory]
    [MemberData(nameof(Bypasses))]
    public void A_call_that_may_dispatch_to_a_tool_body_is_an_error(string name, string declarations, string use)
    {
        var result = Build.Run(ImplicitCallCorpus.Program(declarations, use));

        Assert.True(result.WithId("TRJ2010").Count > 0, name + ": " + result.Describe());
    }

    [Fact]
    public void A_call_of_an_unrelated_member_of_the_same_name_is_not_reported()
    {
        var result = Build.Run(ImplicitCallCorpus.Program(
            "public interface IReader { string Read(); } public class Vault : IReader { [Tool(\"read\")] [SensitiveRead(\"secret\")] public string Read() => \"gold\"; } public class Book : IReader { public string Read() => \"words\"; }",
            "_ = new Book().Read(); _ = new Vault().Read();"));

        Assert.Empty(result.WithId("TRJ2010"));
    }
}
