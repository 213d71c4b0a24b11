using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Trajeckt.Analyzers.Order;

/// <summary>
/// Checks the order of tool calls within a method against the commitment: a call that the runtime would
/// refuse (transition, flow, floor) on every path that reaches it is TRJ2008, on some path TRJ2009.
/// Under several trajectories, a call is reported only when every trajectory the method may run under
/// refuses it (or the one its <c>BeginSession</c> names).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OrderAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.RefusedOnEveryPath, Descriptors.RefusedOnSomePath);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        TrajecktAnalysis.OnTrajecktCompilation(context, (start, symbols) =>
        {
            var graphs = new Lazy<ImmutableArray<CommittedGraph>>(() => CommittedGraph.FromAssembly(start.Compilation));
            start.RegisterOperationBlockAction(c => Guard.Run(() => AnalyzeBlock(c, symbols, graphs)));
        });
    }

    private static void AnalyzeBlock(OperationBlockAnalysisContext context, TrajecktSymbols symbols, Lazy<ImmutableArray<CommittedGraph>> graphs)
    {
        foreach (var block in context.OperationBlocks)
        {
            // The blocks of a method or constructor body, or the whole body of top-level statements (field and
            // parameter initializers are not code that calls tools in order).
            if (block is not (IBlockOperation { Parent: null or IMethodBodyOperation or IConstructorBodyOperation } or IMethodBodyOperation))
                continue;
            if (!block.Descendants().Any(o => o is IInvocationOperation invocation && symbols.TryGetTool(invocation.TargetMethod, out _)))
                continue;
            if (graphs.Value.IsEmpty)
                return;
            var cfgs = WithNestedFunctions(context.GetControlFlowGraph(block));
            var perGraph = new List<IReadOnlyDictionary<SyntaxNode, CallVerdict>>();
            foreach (var graph in graphs.Value)
            {
                var verdicts = new Dictionary<SyntaxNode, CallVerdict>();
                foreach (var cfg in cfgs)
                {
                    // A trajectory the analysis could not finish leaves every call undecided: report nothing.
                    if (MethodFlow.Analyze(cfg, graph, symbols, context.CancellationToken) is not { } found)
                        return;
                    foreach (var pair in found)
                        verdicts[pair.Key] = pair.Value;
                }
                perGraph.Add(verdicts);
            }
            Report(context, perGraph);
        }
    }

    /// <summary>
    /// The body's graph and those of its lambdas and local functions, each analysed on its own: a lambda's
    /// body runs when it is invoked, which the enclosing method's paths cannot tell, so it starts unknown.
    /// </summary>
    private static List<Microsoft.CodeAnalysis.FlowAnalysis.ControlFlowGraph> WithNestedFunctions(Microsoft.CodeAnalysis.FlowAnalysis.ControlFlowGraph root)
    {
        var all = new List<Microsoft.CodeAnalysis.FlowAnalysis.ControlFlowGraph>();
        var pending = new Stack<Microsoft.CodeAnalysis.FlowAnalysis.ControlFlowGraph>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var cfg = pending.Pop();
            all.Add(cfg);
            foreach (var local in cfg.LocalFunctions)
                pending.Push(cfg.GetLocalFunctionControlFlowGraph(local));
            var lambdas = cfg.Blocks
                .SelectMany(b => b.Operations.Concat(b.BranchValue is null ? [] : [b.BranchValue]))
                .SelectMany(o => o.DescendantsAndSelf())
                .OfType<Microsoft.CodeAnalysis.FlowAnalysis.IFlowAnonymousFunctionOperation>();
            foreach (var lambda in lambdas)
                pending.Push(cfg.GetAnonymousFunctionControlFlowGraph(lambda));
        }
        return all;
    }

    private static void Report(OperationBlockAnalysisContext context, List<IReadOnlyDictionary<SyntaxNode, CallVerdict>> perGraph)
    {
        foreach (var call in perGraph.SelectMany(v => v.Keys).Distinct().OrderBy(n => n.SpanStart))
        {
            // Only trajectories some path reaches the call under have a say.
            var verdicts = perGraph.Select(v => v.TryGetValue(call, out var verdict) ? verdict : null)
                .Where(v => v is not null && (v.RefusedOnSomePath || v.AllowedOnSomePath)).ToList();
            if (verdicts.Count == 0 || !verdicts.All(v => v!.RefusedOnSomePath))
                continue;
            var everyPath = verdicts.All(v => !v!.AllowedOnSomePath);
            context.ReportDiagnostic(Diagnostic.Create(
                everyPath ? Descriptors.RefusedOnEveryPath : Descriptors.RefusedOnSomePath,
                call.GetLocation(),
                verdicts[0]!.Reason));
        }
    }
}
