using System.Reflection;
using Microsoft.CodeAnalysis;
using Trajeckt.Analyzers.Mediation;
using Trajeckt.Analyzers.Tests.Infrastructure;

namespace Trajeckt.Analyzers.Tests;

/// <summary>TRJ2011 and the future-proofing of the mediation check: every implicit call of a tool fails the build.</summary>
public sealed class ImplicitCallTests
{
    // The mediation check's own errors, and the generator's declaration errors for [Tool] where it cannot gate
    // (accessors, operators, pattern members): either way the build fails with a Trajeckt diagnostic.
    private static readonly string[] s_refusals = ["TRJ2001", "TRJ2010", "TRJ2011", .. Enumerable.Range(1008, 12).Select(i => $"TRJ{i}")];

    public static TheoryData<string> Patterns => new(ImplicitCallCorpus.Entries.Select(e => e.Name));

    [Theory]
    [MemberData(nameof(Patterns))]
    public void Every_implicit_call_of_a_tool_fails_the_build(string pattern)
    {
        var (_, declarations, use) = ImplicitCallCorpus.Entries.Single(e => e.Name == pattern);

        var result = Build.Run(ImplicitCallCorpus.Program(declarations, use));

        var refusals = result.Diagnostics.Where(d => s_refusals.Contains(d.Id) && d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(refusals.Count > 0, $"'{pattern}' built without a Trajeckt error:{Environment.NewLine}{result.Describe()}");
        // The program itself is valid C#: only Trajeckt refuses it.
        Assert.True(result.Diagnostics.All(d => d.Severity != DiagnosticSeverity.Error || d.Id.StartsWith("TRJ", StringComparison.Ordinal)), result.Describe());
    }

    [Theory]
    [MemberData(nameof(Patterns))]
    public void The_same_pattern_over_members_that_are_not_tools_builds_cleanly(string pattern)
    {
        var (_, declarations, use) = ImplicitCallCorpus.Entries.Single(e => e.Name == pattern);

        var result = Build.Run(ImplicitCallCorpus.Program(declarations.Replace("[Tool] ", string.Empty, StringComparison.Ordinal), use)
            + "\npublic static class AnyTool { [Tool(\"any\")] public static void Any() { } }\n");

        Assert.True(result.Diagnostics.All(d => d.Severity != DiagnosticSeverity.Error), result.Describe());
    }

    [Fact]
    public void The_mediation_check_reports_the_construct_and_the_tool()
    {
        var result = Build.Run(ImplicitCallCorpus.Program(
            "public class Res : IDisposable { [Tool(\"close_door\")] public void Dispose() { } }", "using (new Res()) { }"));

        var error = result.AssertError("TRJ2011", "using (new Res()) { }");
        Assert.Equal("A using calls tool 'close_door' ('Dispose') implicitly, and a call the compiler makes for you cannot be gated; call the tool explicitly as a method, or give this construct a member that is not a tool", error.GetMessage());
    }

    [Fact]
    public void A_tool_named_in_nameof_is_not_a_call()
    {
        var result = Build.Run(ImplicitCallCorpus.Program("public static class Ops { [Tool] public static void Run() { } }", "_ = nameof(Ops.Run);"));

        Assert.True(result.Diagnostics.All(d => d.Severity != DiagnosticSeverity.Error), result.Describe());
    }

    [Fact]
    public void Every_kind_of_operation_is_modeled_checked_elsewhere_or_free_of_method_calls()
    {
        var kinds = typeof(OperationKind).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.GetCustomAttribute<ObsoleteAttribute>() is null)
            .Select(f => (OperationKind)f.GetValue(null)!)
            .Distinct();

        var unclassified = kinds.Where(k => !MediatedOperations.Modeled.Contains(k) && !MediatedOperations.Elsewhere.Contains(k) && !MediatedOperations.MethodFree.Contains(k)).ToList();

        Assert.True(unclassified.Count == 0, "classify these new operation kinds in MediatedOperations: " + string.Join(", ", unclassified));
        Assert.Empty(MediatedOperations.Modeled.Intersect(MediatedOperations.MethodFree));
        Assert.Empty(MediatedOperations.Elsewhere.Intersect(MediatedOperations.MethodFree));
    }

    [Fact]
    public void The_check_registers_for_every_kind_that_is_not_method_free()
    {
        foreach (var kind in MediatedOperations.Modeled.Where(k => k != OperationKind.Invocation))
            Assert.Contains(kind, MediatedOperations.Implicit);
        Assert.DoesNotContain(MediatedOperations.Implicit, MediatedOperations.MethodFree.Contains);
    }
}
