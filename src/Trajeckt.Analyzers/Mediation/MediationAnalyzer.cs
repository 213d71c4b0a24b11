using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Trajeckt.Analyzers.Mediation;

/// <summary>
/// The complete-mediation check (docs/mediation.md, docs/semantics.md section 15), over the final compilation (every generator's output
/// included, generated-looking files too): every operation whose target is a tool method is an explicit
/// call that a verified Trajeckt gate intercepts (TRJ2010 otherwise), or the one call of the tool inside
/// such a gate; a call the compiler makes for a language pattern is TRJ2011. Method groups, reflection and
/// registrations are the <see cref="BypassAnalyzer"/>'s; an exception in this check is TRJ2012, never silence.
/// Gates are read once, from the driver's own bound trees, and the explicit calls are decided against them at
/// compilation end (<see cref="GateLedger"/>), so no gate is bound a second time.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MediationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.UngatedToolCall, Descriptors.ImplicitToolCall, Descriptors.MediationNotChecked);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        TrajecktAnalysis.OnTrajecktCompilation(context, (start, symbols) =>
        {
            var gates = new GateVerifier(start.Compilation, symbols);
            var ledger = new GateLedger();
            var dispatch = new DispatchTargets(start.Compilation, symbols);
            start.RegisterOperationAction(c => FailClosed.Run(c, () => AnalyzeInvocation(c, symbols, gates, ledger, dispatch)), OperationKind.Invocation);
            start.RegisterOperationAction(c => FailClosed.Run(c, () => AnalyzeMethodReference(c, dispatch)), OperationKind.MethodReference);
            start.RegisterOperationAction(c => FailClosed.Run(c, () => AnalyzeImplicit(c, symbols, gates, ledger)), MediatedOperations.Implicit);
            start.RegisterCompilationEndAction(c => FailClosed.Run(c, () => ReportUngated(c, ledger)));
        });
    }

    // Each gate is read once, from the driver's own bound tree of its body (no second binding), when the driver
    // shows us its first statement's call of ToolGate.Begin*: every gate has one, so no extra action is needed.
    private static void ReadGate(OperationAnalysisContext context, IInvocationOperation begin, GateVerifier gates, GateLedger ledger)
    {
        if (context.ContainingSymbol is IMethodSymbol method && BodyRoot(begin) is { } root
            && gates.ReadGate(method, ImmutableArray.Create(root), context.CancellationToken) is { } gate)
            ledger.AddGate(method, gate);
    }

    // A slot is read from its field's initializer, when the driver shows us its creation.
    private static void ReadSlot(OperationAnalysisContext context, IObjectCreationOperation creation, GateVerifier gates, GateLedger ledger)
    {
        var parent = creation.Parent;
        while (parent is IConversionOperation)
            parent = parent.Parent;
        if (context.ContainingSymbol is IFieldSymbol field && parent is IFieldInitializerOperation initializer
            && gates.ReadSlot(field, ImmutableArray.Create<IOperation>(initializer)) is { } name)
            ledger.AddSlot(field, name);
    }

    private static IOperation? BodyRoot(IOperation operation)
    {
        var current = operation;
        while (current.Parent is { } parent)
            current = parent;
        return current;
    }

    // Every explicit tool call is decided here, once every gate the driver showed has been read.
    private static void ReportUngated(CompilationAnalysisContext context, GateLedger ledger)
    {
        foreach (var (call, problem) in ledger.Ungated(context.CancellationToken))
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.UngatedToolCall, call.Syntax.GetLocation(), "call", call.Tool, problem));
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, TrajecktSymbols symbols, GateVerifier gates, GateLedger ledger, DispatchTargets dispatch)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (gates.IsBegin(invocation.TargetMethod))
            ReadGate(context, invocation, gates, ledger);
        if (!symbols.TryGetTool(invocation.TargetMethod, out var tool))
        {
            if (Registrations.IsAIFunctionFactoryCreate(invocation.TargetMethod, symbols))
                AnalyzeRegistration(context, invocation, symbols, gates);
            else if (dispatch.ToolReachedBy(invocation.TargetMethod, invocation.Instance?.Type, context.CancellationToken) is { } reached
                && !Operations.IsInside<INameOfOperation>(invocation) && !IsBaseCall(invocation))
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.UngatedToolCall, invocation.Syntax.GetLocation(), "call", reached,
                    $"it calls '{invocation.TargetMethod.ToDisplayString()}', which is not a tool, and the runtime may dispatch it to the tool's body; mark that member [Tool] with the same declaration, or seal the tool"));
            return;
        }
        if (Operations.IsInside<INameOfOperation>(invocation))
            return;
        if (invocation.IsImplicit || invocation.Syntax is not InvocationExpressionSyntax syntax)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ImplicitToolCall, invocation.Syntax.GetLocation(),
                ConstructOf(invocation), tool, Operations.MethodGroupText(invocation.TargetMethod)));
            return;
        }
        var interceptor = invocation.SemanticModel!.GetInterceptorMethod(syntax, context.CancellationToken);
        ledger.AddCall(new GateLedger.ToolCall(tool, syntax, interceptor, context.ContainingSymbol));
    }

    // A method group of a member that dispatches to a tool (a tool's own method group is TRJ2001).
    private static void AnalyzeMethodReference(OperationAnalysisContext context, DispatchTargets dispatch)
    {
        var reference = (IMethodReferenceOperation)context.Operation;
        if (Operations.IsInside<INameOfOperation>(reference) || dispatch.ToolReachedBy(reference.Method, reference.Instance?.Type, context.CancellationToken) is not { } reached)
            return;
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.UngatedToolCall, reference.Syntax.GetLocation(), "method group", reached,
            $"'{reference.Method.ToDisplayString()}' is not a tool, and the runtime may dispatch a call through this delegate to the tool's body"));
    }

    // base.M() in an override calls the base body, not the derived tool.
    private static bool IsBaseCall(IInvocationOperation invocation) =>
        invocation.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } && invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: BaseExpressionSyntax } };

    // AIFunctionFactory.Create(tool) is gated only when Trajeckt's registration interceptor replaces it.
    private static void AnalyzeRegistration(OperationAnalysisContext context, IInvocationOperation invocation, TrajecktSymbols symbols, GateVerifier gates)
    {
        var value = Operations.WithoutConversions(invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value);
        if (value is not IDelegateCreationOperation { Target: IMethodReferenceOperation reference } || !symbols.TryGetTool(reference.Method, out var tool))
            return;
        if (invocation.Syntax is not InvocationExpressionSyntax syntax)
            return;
        var interceptor = invocation.SemanticModel!.GetInterceptorMethod(syntax, context.CancellationToken);
        if (interceptor is not null && IsRegistrationGate(interceptor, tool, gates, context.CancellationToken))
            return;
        var problem = interceptor is null
            ? "no interceptor replaces it with the gated AIFunction"
            : $"it is intercepted by '{interceptor.ToDisplayString()}', which does not return Trajeckt's gated AIFunction for this tool";
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.UngatedToolCall, syntax.GetLocation(), "registration", tool, problem));
    }

    // `=> new Trajeckt.Generated.TrajecktGatedAIFunction(AIFunctionFactory.Create(...), "tool")`, nothing intercepted inside.
    private static bool IsRegistrationGate(IMethodSymbol interceptor, string tool, GateVerifier gates, System.Threading.CancellationToken cancellationToken)
    {
        if (interceptor.DeclaringSyntaxReferences.Length != 1
            || interceptor.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not MethodDeclarationSyntax { ExpressionBody.Expression: { } body })
            return false;
        var model = gates.ModelOf(body.SyntaxTree);
        if (Operations.WithoutConversions(model.GetOperation(body, cancellationToken)) is not IObjectCreationOperation creation
            || !gates.IsGatedFunction(creation.Type, cancellationToken))
            return false;
        if (!creation.Arguments.Any(a => a.Value.ConstantValue is { HasValue: true, Value: string name } && name == tool))
            return false;
        return !creation.Descendants().OfType<IInvocationOperation>()
            .Any(i => i.Syntax is InvocationExpressionSyntax s && model.GetInterceptorMethod(s, cancellationToken) is not null);
    }

    private static void AnalyzeImplicit(OperationAnalysisContext context, TrajecktSymbols symbols, GateVerifier gates, GateLedger ledger)
    {
        var operation = context.Operation;
        // The two most frequent kinds, without the enumeration below: a conversion without a user-defined operator
        // calls nothing, and an object creation calls only its constructor (and may be a gate's slot).
        switch (operation)
        {
            case IConversionOperation { OperatorMethod: null }:
                return;
            case IObjectCreationOperation creation:
                if (gates.IsSlot(creation.Type))
                    ReadSlot(context, creation, gates, ledger);
                if (creation.Constructor is null || !symbols.TryGetTool(creation.Constructor, out _))
                    return;
                break;
        }
        foreach (var (method, construct) in ImplicitCalls.Of(operation, context.CancellationToken))
        {
            if (!symbols.TryGetTool(method, out var tool))
                continue;
            if (Operations.IsInside<INameOfOperation>(operation))
                return;
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ImplicitToolCall, operation.Syntax.GetLocation(),
                Capitalized(construct), tool, Operations.MethodGroupText(method)));
            return;
        }
    }

    private static string ConstructOf(IInvocationOperation invocation)
    {
        for (var node = invocation.Syntax; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case QueryClauseSyntax or SelectOrGroupClauseSyntax or QueryExpressionSyntax:
                    return "A query expression";
                case InterpolationSyntax or InterpolatedStringExpressionSyntax:
                    return "A string interpolation handler";
                case InitializerExpressionSyntax:
                    return "A collection initializer";
                case StatementSyntax:
                    return "A construct of the language";
            }
        }
        return "A construct of the language";
    }

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);
}
