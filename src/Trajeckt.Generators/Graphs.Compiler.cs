using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using Trajeckt.Generators.Model;
using Trajeckt.Traj;
using Trajeckt.Traj.Graph;
using Trajeckt.Traj.Syntax;
using TextSpan = Microsoft.CodeAnalysis.Text.TextSpan;

namespace Trajeckt.Generators;

/// <summary>
/// Compiles the project's policies with the [Tool] methods as host tools, through the one Traj compiler
/// (Trajeckt.Traj) that the CLI and the runtime use; with no policy, the auto-commitment.
/// </summary>
internal static class GraphCompiler
{
    /// <summary>The class of the auto-commitment, used when the project has no .traj file.</summary>
    public const string AutoCommitmentClass = "Default";

    // A nested class may not share its name with its own members (CS0542): these are the members that
    // GraphEmitter writes into TrajecktGraphs, into each trajectory's class, and into its Tools class.
    private static readonly string[] s_reservedClassNames = { "TrajecktGraphs", "Name", "Digest", "Encoding", "Tools", "BeginSession", "CreateAIFunctions" };
    private static readonly string[] s_reservedToolMembers = { "Tools" };

    public static GraphSetSpec Compile(ImmutableArray<ToolSpec> toolSpecs, ImmutableArray<PolicyFile> policies, string assemblyName, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        // What the step is working on, for the message if it fails.
        var file = "the [Tool] declarations";
        try
        {
            return Compile(toolSpecs, policies, assemblyName, diagnostics, ref file, cancellationToken);
        }
        catch (System.Exception e) when (GeneratorFailure.IsFailure(e, cancellationToken))
        {
            diagnostics.Add(GeneratorFailure.Diagnostic(e, file));
            return new GraphSetSpec(assemblyName, EquatableArray<TrajectorySpec>.Empty, diagnostics.ToEquatableArray());
        }
    }

    private static GraphSetSpec Compile(ImmutableArray<ToolSpec> toolSpecs, ImmutableArray<PolicyFile> policies, string assemblyName,
        List<DiagnosticInfo> diagnostics, ref string file, CancellationToken cancellationToken)
    {
        // The root of a dispatch family first: its overrides and implementations are the same tool, not duplicates.
        var tools = toolSpecs.OrderBy(t => t.ToolName, System.StringComparer.Ordinal)
            .ThenBy(t => t.MethodDisplay == t.Root ? 0 : 1)
            .ThenBy(t => t.MethodDisplay, System.StringComparer.Ordinal).ToList();
        var hosts = new List<HostTool>();
        var toolsByName = new Dictionary<string, ToolSpec>(System.StringComparer.Ordinal);
        foreach (var tool in tools)
        {
            diagnostics.AddRange(tool.Diagnostics);
            if (!tool.IsValid)
                continue;
            if (toolsByName.TryGetValue(tool.ToolName, out var first))
            {
                if (first.Root == tool.Root && first.Identity == tool.Identity)
                    continue;
                diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.DuplicateToolName, tool.Location,
                    new EquatableArray<string>(new[] { tool.ToolName, first.MethodDisplay })));
                continue;
            }
            toolsByName.Add(tool.ToolName, tool);
            hosts.Add(new HostTool(tool.ToolName, tool.Effects, tool.Labels.ToArray(), tool.Origin, tool.Floor));
        }

        var compiled = new List<(CompiledTrajectory Trajectory, string Path, string? ClassName)>();
        if (!policies.IsEmpty)
        {
            var seen = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var policy in policies.OrderBy(p => p.Path, System.StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                file = policy.Path;
                if (policy.Failure is { } failure)
                {
                    diagnostics.Add(failure);
                    continue;
                }
                var compilation = TrajCompiler.Compile(policy.Text, policy.Path, new TrajCompilerOptions { HostTools = hosts });
                var text = SourceText.From(policy.Text);
                foreach (var diagnostic in compilation.Diagnostics)
                    diagnostics.Add(PolicyDiagnostic(diagnostic, text));
                ReportToolsWithoutMethods(compilation, toolsByName, policy.Path, text, diagnostics);
                foreach (var trajectory in compilation.Trajectories)
                {
                    if (seen.Add(trajectory.Name))
                        compiled.Add((trajectory, policy.Path, null));
                    else
                        diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.DuplicateTrajectory,
                            At(policy.Path, trajectory.Location.Start, trajectory.Location.Length, text),
                            new EquatableArray<string>(new[] { trajectory.Name })));
                }
            }
        }
        else if (!toolSpecs.IsEmpty)
        {
            file = "the auto-commitment";
            var compilation = TrajCompiler.CompileAutoCommitment(assemblyName, hosts);
            compiled.AddRange(compilation.Trajectories.Select(t => (t, "", (string?)AutoCommitmentClass)));
            // The auto-commitment is built from the tools alone, so an error here is one of theirs, already reported.
        }
        // Else nothing is declared (a project that only references an agent): no commitment to compile, none to seal.

        ReportUnreachableTools(compiled.Select(c => c.Trajectory).ToList(), toolsByName, diagnostics);

        var classNames = Identifiers.Unique(compiled.Select(c => c.ClassName ?? c.Trajectory.Name).ToList(), reserved: s_reservedClassNames);
        var trajectories = compiled.Select((c, i) => Describe(c.Trajectory, classNames[i], c.Path, toolsByName)).ToEquatableArray();
        return new GraphSetSpec(assemblyName, trajectories, diagnostics.ToEquatableArray());
    }

    private static TrajectorySpec Describe(CompiledTrajectory trajectory, string className, string path, Dictionary<string, ToolSpec> methods)
    {
        var graph = trajectory.Graph;
        var members = Identifiers.Unique(graph.Tools.Select(t => t.Name).ToList(), reserved: s_reservedToolMembers);
        var planned = PlannedTools(graph);
        var tools = graph.Tools.Select((t, i) => new GraphToolSpec(t.Name, ToolIdentity.Of(graph, i), i, members[i], planned.Contains(i),
            methods.TryGetValue(t.Name, out var method) ? method.Function : null)).ToEquatableArray();
        return new TrajectorySpec(trajectory.Name, className, System.IO.Path.GetFileName(path), trajectory.Digest.ToString(),
            trajectory.Encoding.ToEquatableArray(), tools);
    }

    private static void ReportToolsWithoutMethods(TrajCompilation compilation, Dictionary<string, ToolSpec> tools, string path, SourceText text, List<DiagnosticInfo> diagnostics)
    {
        foreach (var statement in compilation.Syntax.Trajectories.SelectMany(t => t.Statements).OfType<ToolStatementSyntax>())
        {
            if (!tools.ContainsKey(statement.Name.Value))
                diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.PolicyToolWithoutMethod,
                    At(path, statement.Name.Span.Start, statement.Name.Span.Length, text),
                    new EquatableArray<string>(new[] { statement.Name.Value })));
        }
    }

    // The tools on some transition of the plan automaton; every other tool of the graph is refused from every state.
    private static HashSet<int> PlannedTools(CompiledGraph graph)
    {
        var planned = new HashSet<int>();
        for (var state = 0; state < graph.StateCount; state++)
        {
            foreach (var (tool, _) in graph.GetTransitions(state))
                planned.Add(tool);
        }
        return planned;
    }

    private static void ReportUnreachableTools(List<CompiledTrajectory> trajectories, Dictionary<string, ToolSpec> tools, List<DiagnosticInfo> diagnostics)
    {
        if (trajectories.Count == 0)
            return;
        var reachable = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var graph in trajectories.Select(t => t.Graph))
            reachable.UnionWith(PlannedTools(graph).Select(tool => graph.Tools[tool].Name));
        foreach (var tool in tools.Values.Where(t => !reachable.Contains(t.ToolName)).OrderBy(t => t.ToolName, System.StringComparer.Ordinal))
            diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.UnreachableTool, tool.Location, new EquatableArray<string>(new[] { tool.ToolName })));
    }

    private static DiagnosticInfo PolicyDiagnostic(TrajDiagnostic diagnostic, SourceText text) =>
        new(DiagnosticDescriptors.PolicyDiagnostic(diagnostic.Code, diagnostic.IsError),
            At(diagnostic.Location.FilePath, diagnostic.Location.Start, diagnostic.Location.Length, text),
            new EquatableArray<string>(new[] { diagnostic.Message }));

    private static LocationInfo At(string path, int start, int length, SourceText text)
    {
        start = System.Math.Max(0, System.Math.Min(start, text.Length));
        var span = new TextSpan(start, System.Math.Max(0, System.Math.Min(length, text.Length - start)));
        return new LocationInfo(path, span, text.Lines.GetLinePositionSpan(span));
    }
}
