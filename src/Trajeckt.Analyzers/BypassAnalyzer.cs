using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Trajeckt.Analyzers;

/// <summary>
/// Reports every way code reaches a tool without the gate that the generator cannot see: delegates and
/// method groups (TRJ2001), reflection and <c>dynamic</c> (TRJ2002), framework registrations the generator
/// does not gate (TRJ2003) and lambdas registered as AIFunctions (TRJ2004). Direct calls that cannot be
/// intercepted are the generator's TRJ1004, not repeated here.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BypassAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.ToolAsDelegate, Descriptors.ToolByReflection, Descriptors.UngatedRegistration, Descriptors.LambdaRegistration, Descriptors.MediationNotChecked);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        // Generated-looking files get no exemption: another generator's output, or a file named .g.cs, may bypass the gate too.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        TrajecktAnalysis.OnTrajecktCompilation(context, (start, symbols) =>
        {
            var gates = new Mediation.GateVerifier(start.Compilation, symbols);
            start.RegisterOperationAction(c => Mediation.FailClosed.Run(c, () => AnalyzeMethodReference(c, symbols, gates)), OperationKind.MethodReference);
            start.RegisterOperationAction(c => Mediation.FailClosed.Run(c, () => AnalyzeInvocation(c, symbols)), OperationKind.Invocation);
            start.RegisterOperationAction(c => Mediation.FailClosed.Run(c, () => AnalyzeDynamicInvocation(c, symbols)), OperationKind.DynamicInvocation);
        });
    }

    private static void AnalyzeMethodReference(OperationAnalysisContext context, TrajecktSymbols symbols, Mediation.GateVerifier gates)
    {
        var reference = (IMethodReferenceOperation)context.Operation;
        if (!symbols.TryGetTool(reference.Method, out var tool))
            return;
        if (Operations.IsInside<INameOfOperation>(reference))
            return;
        if (Operations.EnclosingArgument(reference) is { Parent: IInvocationOperation invocation } argument)
        {
            // The generator gates this one registration; an ungated one is reported once, at the registration.
            if (Registrations.IsAIFunctionFactoryCreate(invocation.TargetMethod, symbols) && argument.Parameter?.Ordinal == 0)
                return;
            if (Registrations.UngatedRegistration(invocation.TargetMethod) is not null)
                return;
            // The generated functions (TrajecktGraphs.X.CreateAIFunctions) wrap the tool in the gated AIFunction under its own name.
            if (argument.Parameter?.Ordinal == 0 && gates.IsGatedFunction(invocation.TargetMethod.ContainingType, context.CancellationToken)
                && invocation.Arguments.Any(a => a.Value.ConstantValue is { HasValue: true, Value: string name } && name == tool))
                return;
        }
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.ToolAsDelegate, reference.Syntax.GetLocation(), tool, Operations.MethodGroupText(reference.Method)));
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, TrajecktSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        // Most invocations are none of these: a name test first keeps the display-string tests off the hot path.
        if (!Registrations.IsCandidateName(method.Name) && !ReflectedTools.IsCandidateName(method.Name))
            return;
        if (Registrations.IsAIFunctionFactoryCreate(method, symbols))
            AnalyzeAIFunctionRegistration(context, invocation, symbols);
        else if (Registrations.IsAIFunctionFactoryCreateFromMethodInfo(method, symbols))
            AnalyzeMethodInfoRegistration(context, invocation, symbols);
        else if (Registrations.UngatedRegistration(method) is { } registration)
            AnalyzeUngatedRegistration(context, invocation, registration, symbols);
        else if (ReflectedTools.Find(invocation, symbols) is { } reflected)
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ToolByReflection, invocation.Syntax.GetLocation(), reflected.Tool, reflected.How, Operations.MethodGroupText(reflected.Method)));
    }

    private static void AnalyzeAIFunctionRegistration(OperationAnalysisContext context, IInvocationOperation invocation, TrajecktSymbols symbols)
    {
        var value = Operations.WithoutConversions(invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value);
        if (value is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation function })
            return;
        if (Operations.FirstToolCall(function, symbols) is not { } call)
            return;
        var kind = function.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.AnonymousMethodExpressionSyntax ? "anonymous method" : "lambda";
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.LambdaRegistration, function.Syntax.GetLocation(), call.Tool, kind, Operations.MethodGroupText(call.Call.TargetMethod)));
    }

    private static void AnalyzeMethodInfoRegistration(OperationAnalysisContext context, IInvocationOperation invocation, TrajecktSymbols symbols)
    {
        var methodInfo = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value;
        if (ReflectedTools.ToolOf(methodInfo, symbols) is not { } tool)
            return;
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.UngatedRegistration, invocation.Syntax.GetLocation(),
            "AIFunctionFactory.Create(MethodInfo)", tool.Tool, Operations.MethodGroupText(tool.Method), ""));
    }

    private static void AnalyzeUngatedRegistration(OperationAnalysisContext context, IInvocationOperation invocation, string registration, TrajecktSymbols symbols)
    {
        var found = RegisteredTool(invocation, symbols);
        if (found is not { } tool)
            return;
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.UngatedRegistration, invocation.Syntax.GetLocation(),
            registration, tool.Name, tool.MethodGroup, Registrations.Advice(invocation.TargetMethod)));
    }

    /// <summary>The first tool that an ungated registration would expose: by type argument, method group, lambda, typeof or target object.</summary>
    private static (string Name, string MethodGroup)? RegisteredTool(IInvocationOperation invocation, TrajecktSymbols symbols)
    {
        foreach (var typeArgument in invocation.TargetMethod.TypeArguments)
        {
            if (symbols.FirstToolOf(typeArgument) is { } tool)
                return (tool.Name, Operations.MethodGroupText(tool.Method));
        }
        foreach (var argument in invocation.Arguments)
        {
            foreach (var value in ArgumentValues(argument.Value))
            {
                switch (Operations.WithoutConversions(value))
                {
                    case IDelegateCreationOperation { Target: IMethodReferenceOperation reference } when symbols.TryGetTool(reference.Method, out var name):
                        return (name, Operations.MethodGroupText(reference.Method));
                    case IDelegateCreationOperation { Target: IAnonymousFunctionOperation function } when Operations.FirstToolCall(function, symbols) is { } call:
                        return (call.Tool, Operations.MethodGroupText(call.Call.TargetMethod));
                    case ITypeOfOperation typeOf when symbols.FirstToolOf(typeOf.TypeOperand) is { } tool:
                        return (tool.Name, Operations.MethodGroupText(tool.Method));
                    case { Type: INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } type } when symbols.FirstToolOf(type) is { } tool:
                        return (tool.Name, Operations.MethodGroupText(tool.Method));
                }
            }
        }
        return null;
    }

    // A params array or collection of typeof(...) lists each element.
    private static System.Collections.Generic.IEnumerable<IOperation> ArgumentValues(IOperation value)
    {
        var unwrapped = Operations.WithoutConversions(value);
        if (unwrapped is IArrayCreationOperation { Initializer: { } initializer })
            return initializer.ElementValues;
        if (unwrapped is ICollectionExpressionOperation collection)
            return collection.Elements;
        return new[] { value };
    }

    private static void AnalyzeDynamicInvocation(OperationAnalysisContext context, TrajecktSymbols symbols)
    {
        var invocation = (IDynamicInvocationOperation)context.Operation;
        if (invocation.Operation is not IDynamicMemberReferenceOperation member)
            return;
        foreach (var symbol in symbols.Compilation.GetSymbolsWithName(member.MemberName, SymbolFilter.Member, context.CancellationToken))
        {
            if (symbol is IMethodSymbol method && symbols.TryGetTool(method, out var tool))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.ToolByReflection, invocation.Syntax.GetLocation(), tool, "a dynamic call", Operations.MethodGroupText(method)));
                return;
            }
        }
    }
}
