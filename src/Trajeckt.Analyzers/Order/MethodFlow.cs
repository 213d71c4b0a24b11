using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Trajeckt.Traj.Semantics;

namespace Trajeckt.Analyzers.Order;

/// <summary>
/// Follows one control-flow graph (a method, lambda or local function body) under one trajectory, carrying the set of <see cref="PathState"/>s
/// that reach each block, and records for every tool call whether a path reaching it refuses it. Each call
/// is decided by <see cref="StaticStepper"/>; this type only decides which states reach which call.
/// </summary>
/// <remarks>
/// Branch conditions are not evaluated (both successors are taken); loops run to a fixpoint over the finite
/// state space; an exception may leave a try at any point, so a catch or finally is entered with every state
/// seen inside its try; a finally block remembers where each path goes after it. A refused call throws, so
/// its path ends there. When the state space grows past <see cref="MaxStates"/>, the analysis gives up and
/// reports nothing.
/// </remarks>
internal sealed class MethodFlow
{
    internal const int MaxStates = 20_000;
    internal const int MaxHypotheses = 256;

    private readonly ControlFlowGraph _cfg;
    private readonly CommittedGraph _graph;
    private readonly TrajecktSymbols _symbols;
    private readonly CancellationToken _cancellationToken;
    private readonly HashSet<PathState>[] _seen;
    private readonly Queue<(int Block, PathState State)> _work = new();
    private readonly Dictionary<SyntaxNode, CallVerdict> _verdicts = new();
    private readonly List<(int Block, bool Exceptional)>?[] _handlers;
    private int _states;
    private bool _gaveUp;

    private MethodFlow(ControlFlowGraph cfg, CommittedGraph graph, TrajecktSymbols symbols, CancellationToken cancellationToken)
    {
        _cfg = cfg;
        _graph = graph;
        _symbols = symbols;
        _cancellationToken = cancellationToken;
        _seen = new HashSet<PathState>[cfg.Blocks.Length];
        _handlers = new List<(int, bool)>?[cfg.Blocks.Length];
    }

    /// <summary>The verdict of every tool call the method makes, or <see langword="null"/> when the analysis gave up.</summary>
    public static IReadOnlyDictionary<SyntaxNode, CallVerdict>? Analyze(ControlFlowGraph cfg, CommittedGraph graph, TrajecktSymbols symbols, CancellationToken cancellationToken)
    {
        var flow = new MethodFlow(cfg, graph, symbols, cancellationToken);
        flow.Run();
        return flow._gaveUp ? null : flow._verdicts;
    }

    /// <summary>
    /// Nothing is known of how the method is entered: every plan state is a hypothesis, with the most
    /// permissive session (no taint, trusted integrity, an authorization possibly pending from the caller).
    /// </summary>
    private PathState UnknownEntry() =>
        PathState.Of(Enumerable.Range(0, _graph.Graph.StateCount).Select(s => new StaticSessionState(s, [], Trust.TrustedUser, authorizationMayBePending: true)), null);

    private void Run()
    {
        Enqueue(0, UnknownEntry());
        while (_work.Count > 0 && !_gaveUp)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var (block, state) = _work.Dequeue();
            Process(_cfg.Blocks[block], state);
        }
    }

    private void Enqueue(int block, PathState state)
    {
        var seen = _seen[block] ??= new HashSet<PathState>();
        if (!seen.Add(state))
            return;
        if (++_states > MaxStates)
        {
            _gaveUp = true;
            return;
        }
        _work.Enqueue((block, state));
    }

    private void Process(BasicBlock block, PathState state)
    {
        PathState? current = state;
        ToHandlers(block, current);
        foreach (var operation in block.Operations)
        {
            current = Execute(operation, current, block);
            if (current is null)
                return;
        }
        if (block.BranchValue is { } branchValue)
        {
            current = Execute(branchValue, current, block);
            if (current is null)
                return;
        }
        if (block.ConditionalSuccessor is { } conditional)
            Follow(block, conditional, current);
        if (block.FallThroughSuccessor is { } fallThrough)
            Follow(block, fallThrough, current);
    }

    private void Follow(BasicBlock block, ControlFlowBranch branch, PathState state)
    {
        switch (branch.Semantics)
        {
            case ControlFlowBranchSemantics.Throw or ControlFlowBranchSemantics.Rethrow or ControlFlowBranchSemantics.Error:
                return; // the exception's states already went to the handlers
            case ControlFlowBranchSemantics.StructuredExceptionHandling:
                EndOfFinally(block, state);
                return;
        }
        if (!branch.FinallyRegions.IsEmpty)
            Enqueue(branch.FinallyRegions[0].FirstBlockOrdinal, state.With(Continuation.Push(branch, 0, state.Continuation)));
        else if (branch.Destination is { } destination)
            Enqueue(destination.Ordinal, state);
    }

    private void EndOfFinally(BasicBlock block, PathState state)
    {
        var top = state.Continuation;
        // The end of a filter decides whether its handler runs; the handler was already entered from the try.
        if (top is null || InnermostHandlerRegion(block.EnclosingRegion)?.Kind != ControlFlowRegionKind.Finally)
            return;
        if (top.Branch is null)
        {
            // An exception passes on to the next enclosing finally, if any; a catch cannot be told apart here.
            if (EnclosingFinally(block.EnclosingRegion) is { } outer)
                Enqueue(outer.FirstBlockOrdinal, state.With(Continuation.Exception));
            return;
        }
        var branch = top.Branch;
        if (top.FinallyIndex + 1 < branch.FinallyRegions.Length)
            Enqueue(branch.FinallyRegions[top.FinallyIndex + 1].FirstBlockOrdinal, state.With(Continuation.Push(branch, top.FinallyIndex + 1, top.Next)));
        else if (branch.Destination is { } destination)
            Enqueue(destination.Ordinal, state.With(top.Next));
    }

    /// <summary>Every state seen inside a try may reach its catch handlers and its finally by an exception.</summary>
    private void ToHandlers(BasicBlock block, PathState state)
    {
        var handlers = _handlers[block.Ordinal] ??= Handlers(block.EnclosingRegion);
        foreach (var (target, exceptional) in handlers)
            Enqueue(target, exceptional ? state.With(Continuation.Exception) : state);
    }

    private static List<(int Block, bool Exceptional)> Handlers(ControlFlowRegion? region)
    {
        var handlers = new List<(int, bool)>();
        for (var current = region; current?.EnclosingRegion is { } parent; current = parent)
        {
            if (current.Kind != ControlFlowRegionKind.Try)
                continue;
            if (parent.Kind == ControlFlowRegionKind.TryAndFinally)
            {
                handlers.Add((parent.NestedRegions[1].FirstBlockOrdinal, true));
                break;
            }
            if (parent.Kind != ControlFlowRegionKind.TryAndCatch)
                continue;
            foreach (var handler in parent.NestedRegions.Skip(1))
            {
                handlers.Add((handler.FirstBlockOrdinal, false));
                if (handler.Kind == ControlFlowRegionKind.FilterAndHandler)
                    handlers.AddRange(handler.NestedRegions.Select(r => (r.FirstBlockOrdinal, false)));
            }
        }
        return handlers;
    }

    private static ControlFlowRegion? InnermostHandlerRegion(ControlFlowRegion? region)
    {
        for (var current = region; current is not null; current = current.EnclosingRegion)
        {
            if (current.Kind is ControlFlowRegionKind.Finally or ControlFlowRegionKind.Filter)
                return current;
        }
        return null;
    }

    private static ControlFlowRegion? EnclosingFinally(ControlFlowRegion? region)
    {
        // Leave the finally region we are in, then find the next try that a finally protects.
        for (var current = region; current?.EnclosingRegion is { } parent; current = parent)
        {
            if (current.Kind == ControlFlowRegionKind.Try && parent.Kind == ControlFlowRegionKind.TryAndFinally && !Contains(parent.NestedRegions[1], region!))
                return parent.NestedRegions[1];
        }
        return null;
    }

    private static bool Contains(ControlFlowRegion outer, ControlFlowRegion inner)
    {
        for (var current = inner; current is not null; current = current.EnclosingRegion)
        {
            if (current == outer)
                return true;
        }
        return false;
    }

    /// <summary>Runs one operation tree in evaluation order (operands before the operation); <see langword="null"/> when the path ends.</summary>
    private PathState? Execute(IOperation root, PathState state, BasicBlock block)
    {
        PathState? current = state;
        foreach (var operation in PostOrder(root))
        {
            if (operation is IInvocationOperation invocation)
            {
                var before = current;
                current = Invoke(invocation, current);
                if (current is null)
                    return null;
                if (!ReferenceEquals(before, current))
                    ToHandlers(block, current);
            }
            else if (operation is IObjectCreationOperation { Constructor: { } constructor } && IsOpaque(constructor)
                || operation is IPropertyReferenceOperation { Property: var property } && IsOpaque(property.GetMethod ?? property.SetMethod))
            {
                current = Unknown(current);
            }
        }
        return current;
    }

    private static IEnumerable<IOperation> PostOrder(IOperation root)
    {
        // Lambda and local function bodies run when they are invoked, not here.
        if (root is IFlowAnonymousFunctionOperation or IAnonymousFunctionOperation or ILocalFunctionOperation)
            yield break;
        foreach (var child in root.ChildOperations)
        {
            foreach (var operation in PostOrder(child))
                yield return operation;
        }
        yield return root;
    }

    private PathState? Invoke(IInvocationOperation invocation, PathState state)
    {
        var method = invocation.TargetMethod;
        if (_symbols.TryGetTool(method, out var tool))
            return Call(invocation, tool, state);
        if (SessionCalls.TrajectoryBegun(method) is { } trajectory)
        {
            // The method starts its own session here: from now on it is a fresh session of that trajectory,
            // and a session of another trajectory has no hypothesis under this one.
            return PathState.Of(trajectory == _graph.Name ? [StaticSessionState.Initial] : [], state.Continuation);
        }
        if (_symbols.Session is { } session && SymbolEqualityComparer.Default.Equals(method.ContainingType, session))
            return SessionCall(invocation, state);
        return IsOpaque(method) || invocation.Arguments.Any(a => a.Value.Type?.TypeKind == TypeKind.Delegate) ? Unknown(state) : state;
    }

    private PathState? Call(IInvocationOperation invocation, string toolName, PathState state)
    {
        // A tool the trajectory does not declare is refused with unknown_tool, which is not an order problem.
        if (!_graph.Graph.TryGetToolIndex(toolName, out var tool) || state.Hypotheses.Count == 0)
            return state;
        var verdict = _verdicts.TryGetValue(invocation.Syntax, out var existing) ? existing : _verdicts[invocation.Syntax] = new CallVerdict();
        var allowed = new List<StaticSessionState>();
        string? reason = null;
        foreach (var hypothesis in state.Hypotheses)
        {
            var step = StaticStepper.Step(_graph.Graph, hypothesis, tool);
            if (step.IsAllowed)
                allowed.Add(step.Next!);
            else
                reason ??= RefusalText.Describe(_graph.Graph, hypothesis, tool, step);
        }
        if (allowed.Count == 0)
        {
            verdict.RefusedOnSomePath = true;
            verdict.Reason ??= reason;
            return null; // a refused call throws
        }
        verdict.AllowedOnSomePath = true;
        return PathState.Of(allowed, state.Continuation);
    }

    private PathState SessionCall(IInvocationOperation invocation, PathState state)
    {
        switch (invocation.TargetMethod.Name)
        {
            case "Authorize":
                return PathState.Of(state.Hypotheses.Select(h => h.AfterPossibleAuthorization()), state.Continuation);
            case "ObserveInput":
                // Only a constant level is known; otherwise the integrity stays an upper bound as it is.
                return invocation.Arguments.FirstOrDefault()?.Value.ConstantValue is { HasValue: true, Value: byte trust } && trust <= (byte)Trust.TrustedUser
                    ? PathState.Of(state.Hypotheses.Select(h => h.AfterInput((Trust)trust)), state.Continuation)
                    : state;
            case "Begin" or "Invoke" or "InvokeAsync":
                return Unknown(state);
            default:
                return state;
        }
    }

    /// <summary>
    /// Code the analysis does not follow may call tools (moving the frontier anywhere reachable, adding taint,
    /// lowering integrity) or authorize them. The known taint and integrity stay valid bounds; the frontier
    /// becomes every reachable state, and an authorization may be pending.
    /// </summary>
    private PathState Unknown(PathState state)
    {
        var hypotheses = new HashSet<StaticSessionState>();
        foreach (var hypothesis in state.Hypotheses)
        {
            var authorized = hypothesis.AfterPossibleAuthorization();
            foreach (var frontier in _graph.ReachableFrom(hypothesis.Frontier))
                hypotheses.Add(authorized.WithFrontier(frontier));
        }
        if (hypotheses.Count > MaxHypotheses)
            _gaveUp = true;
        return PathState.Of(hypotheses, state.Continuation);
    }

    /// <summary>Source methods, local functions, lambdas and delegates may call tools; library methods cannot (except through a delegate argument).</summary>
    private bool IsOpaque(IMethodSymbol? method) =>
        method is null
        || method.MethodKind is MethodKind.DelegateInvoke or MethodKind.LocalFunction or MethodKind.AnonymousFunction
        || SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _symbols.Compilation.Assembly);
}
