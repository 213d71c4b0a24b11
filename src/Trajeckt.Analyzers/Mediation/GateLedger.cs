using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Trajeckt.Analyzers.Mediation;

/// <summary>
/// The interception half of the mediation check, decided once at compilation end. While the driver walks its
/// own bound trees (concurrently), the check writes down what each method body shows (a gate's shape, a
/// slot's tool name) and every explicit tool call with the method the compiler says intercepts it. At the end
/// every call is decided against the gates that were read: a call counts as gated only when its interceptor's
/// one body was read as a gate of that very tool, so a gate the driver never showed us (a skipped file, a
/// method of another assembly, an action that failed) leaves its calls TRJ2010, never silently allowed.
/// </summary>
internal sealed class GateLedger
{
    private readonly ConcurrentDictionary<IMethodSymbol, GateVerifier.GateShape> _gates = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IFieldSymbol, string> _slots = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentQueue<ToolCall> _calls = new();

    /// <summary>An explicit call of <paramref name="Tool"/>, the method that intercepts it (if any), and the method it is written in.</summary>
    public sealed record ToolCall(string Tool, InvocationExpressionSyntax Syntax, IMethodSymbol? Interceptor, ISymbol? Container);

    public void AddGate(IMethodSymbol method, GateVerifier.GateShape gate) => _gates[method.OriginalDefinition] = gate;

    public void AddSlot(IFieldSymbol field, string toolName) => _slots[field.OriginalDefinition] = toolName;

    public void AddCall(ToolCall call) => _calls.Enqueue(call);

    /// <summary>Every recorded call that no verified gate of its tool intercepts, with what is wrong with it.</summary>
    public IEnumerable<(ToolCall Call, string Problem)> Ungated(CancellationToken cancellationToken)
    {
        foreach (var call in _calls)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Problem(call, cancellationToken) is { } problem)
                yield return (call, problem);
        }
    }

    private string? Problem(ToolCall call, CancellationToken cancellationToken)
    {
        if (call.Interceptor is null)
        {
            // The one call inside a gate is the gated call itself.
            if (call.Container is IMethodSymbol container && GateOf(container, cancellationToken) is { } own
                && own.Tool == call.Tool && own.Shape.GatedCall == call.Syntax)
                return null;
            return "no interceptor intercepts it (another generator's output, an expression tree, or a call the generator could not intercept: see TRJ1004)";
        }
        if (GateOf(call.Interceptor, cancellationToken) is not { } gate)
            return $"it is intercepted by '{call.Interceptor.ToDisplayString()}', which is not a Trajeckt gate";
        if (gate.Tool != call.Tool)
            return $"it is intercepted by '{call.Interceptor.ToDisplayString()}', which gates tool '{gate.Tool}' instead";
        return null;
    }

    // A method is a gate when the body read as a gate is its one declaration's body, and it decides the tool it calls.
    private (GateVerifier.GateShape Shape, string Tool)? GateOf(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var definition = method.OriginalDefinition;
        if (!_gates.TryGetValue(definition, out var shape) || GateVerifier.BodyOf(definition, cancellationToken) != shape.Body)
            return null;
        string? decided;
        if (shape.DecidedSlot is { } slot)
            decided = _slots.TryGetValue(slot, out var name) ? name : null;
        else
            decided = shape.DecidedName;
        return decided is not null && decided == shape.CalledTool ? (shape, decided) : null;
    }
}
