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
            var dispatch = new DispatchTargets(start.Compilation, symbols);
            start.RegisterOperationAction(c => FailClosed.Run(c, () => AnalyzeInvocation(c, symbols, gates, dispatch)), OperationKind.Invocation);
            start.RegisterOperationAction(c => FailClosed.Run(c, () => AnalyzeMethodReference(c, dispatch)), OperationKind.MethodReference);
            start.RegisterOperationAction(c => FailClosed.Run(c, () => AnalyzeImplicit(c, symbols)), MediatedOperations.Implicit);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, TrajecktSymbols symbols, GateVerifier gates, DispatchTargets dispatch)
    {
        var invocation = (IInvocationOperation)context.Operation;
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
        var model = invocation.SemanticModel!;
        var interceptor = model.GetInterceptorMethod(syntax, context.CancellationToken);
        string? problem;
        if (interceptor is null)
        {
            // The one call inside a gate is the gated call itself.
            if (context.ContainingSymbol is IMethodSymbol container && gates.Verify(container, model, context.CancellationToken) is { } gate
                && gate.ToolName == tool && gate.GatedCall == syntax)
                return;
            problem = "no interceptor intercepts it (another generator's output, an expression tree, or a call the generator could not intercept: see TRJ1004)";
        }
        else if (gates.Verify(interceptor, null, context.CancellationToken) is not { } gate)
            problem = $"it is intercepted by '{interceptor.ToDisplayString()}', which is not a Trajeckt gate";
        else if (gate.ToolName != tool)
            problem = $"it is intercepted by '{interceptor.ToDisplayString()}', which gates tool '{gate.ToolName}' instead";
        else
            return;
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.UngatedToolCall, syntax.GetLocation(), "call", tool, problem));
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

    private static void AnalyzeImplicit(OperationAnalysisContext context, TrajecktSymbols symbols)
    {
        var operation = context.Operation;
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
