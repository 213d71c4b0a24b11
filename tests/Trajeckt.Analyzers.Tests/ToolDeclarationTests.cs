using Trajeckt.Analyzers.Tests.Infrastructure;

namespace Trajeckt.Analyzers.Tests;

/// <summary>TRJ2005-TRJ2007: tools with no effect, effects on methods that are not tools, and conflicting declarations.</summary>
public sealed class ToolDeclarationTests
{
    [Fact]
    public Task A_tool_with_no_effect_attribute_is_a_warning_at_its_name() =>
        Verify.Analyzer<ToolDeclarationAnalyzer>("""
            using Trajeckt;

            public static class Tools
            {
                [Tool("lookup")]
                public static string {|#0:Lookup|}(string id) => id;
            }
            """,
            Verify.Diagnostic(Descriptors.ToolWithoutEffects).WithLocation(0).WithArguments("lookup"));

    [Fact]
    public Task A_tool_with_any_effect_or_a_parameter_floor_or_a_traj_tool_line_is_not_reported() =>
        Verify.Analyzer<ToolDeclarationAnalyzer>("""
            using Trajeckt;

            public static class Tools
            {
                [Tool, Sink(SinkKind.External)] public static void Send() { }
                [Tool, Origin(Trust.ToolOutput)] public static void Plain() { }
                [Tool, ShellExec] public static void Shell() { }
                [Tool, NetworkEgress] public static void Fetch() { }
                [Tool, SensitiveRead("pii")] public static void Read() { }
                [Tool] public static void Floored([Origin(Trust.CleanWorkspace)] string text) { }
                [Tool("in_policy")] public static void InPolicy() { }
            }
            """,
            [("policy.traj", "trajectory T { tool in_policy; }")]);

    [Fact]
    public Task An_effect_attribute_on_a_method_that_is_not_a_tool_is_a_warning_at_the_attribute() =>
        Verify.Analyzer<ToolDeclarationAnalyzer>("""
            using Trajeckt;

            public static class Helpers
            {
                [{|#0:SensitiveRead("pii")|}]
                public static string Read() => "";

                public static void Write([{|#1:Origin(Trust.TrustedUser)|}] string text) { }
            }
            """,
            Verify.Diagnostic(Descriptors.EffectOnNonTool).WithLocation(0).WithArguments("SensitiveRead", "Helpers.Read()"),
            Verify.Diagnostic(Descriptors.EffectOnNonTool).WithLocation(1).WithArguments("Origin", "Helpers.Write(string)"));

    [Fact]
    public Task An_override_or_implementation_that_declares_the_tool_differently_is_an_error() =>
        Verify.Analyzer<ToolDeclarationAnalyzer>("""
            using Trajeckt;

            public abstract class Mailer
            {
                [Tool("send_email"), Sink(SinkKind.External)]
                public abstract void Send(string to);
            }

            public sealed class QuietMailer : Mailer
            {
                [Tool("send_quietly")]
                public override void {|#0:Send|}(string to) { }
            }

            public interface IReader
            {
                [Tool("read_customer"), SensitiveRead("pii")]
                string Read();
            }

            public sealed class Reader : IReader
            {
                [SensitiveRead("other")]
                public string {|#1:Read|}() => "";
            }
            """,
            Verify.Diagnostic(Descriptors.ConflictingToolDeclaration).WithLocation(0)
                .WithArguments("QuietMailer.Send(string)", "send_email", "a [Tool] of its own", "Mailer.Send(string)"),
            Verify.Diagnostic(Descriptors.ConflictingToolDeclaration).WithLocation(1)
                .WithArguments("Reader.Read()", "read_customer", "effect attributes of its own", "IReader.Read()"));

    [Fact]
    public Task An_override_that_repeats_the_declaration_or_declares_nothing_is_not_reported() =>
        Verify.Analyzer<ToolDeclarationAnalyzer>("""
            using Trajeckt;

            public abstract class Mailer
            {
                [Tool("send_email"), Sink(SinkKind.External)]
                public abstract void Send(string to);
            }

            public sealed class Plain : Mailer
            {
                public override void Send(string to) { }
            }

            public sealed class Same : Mailer
            {
                [Tool("send_email"), Sink(SinkKind.External)]
                public override void Send(string to) { }
            }
            """);
}
