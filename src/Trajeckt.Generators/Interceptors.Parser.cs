using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Trajeckt.Generators.Model;

namespace Trajeckt.Generators;

/// <summary>
/// Finds, in one source file, every call of a [Tool] method and every <c>AIFunctionFactory.Create(toolMethod, ...)</c>,
/// and describes how to intercept each; a call that cannot be intercepted is an error (it would bypass the gate).
/// </summary>
internal static class InterceptorParser
{
    private static readonly SymbolDisplayFormat s_typeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static InterceptorFileSpec Parse(CompilationUnitSyntax root, SemanticModel model, CancellationToken cancellationToken)
    {
        try
        {
            return ParseFile(root, model, cancellationToken);
        }
        catch (System.Exception e) when (GeneratorFailure.IsFailure(e, cancellationToken))
        {
            var failure = GeneratorFailure.Diagnostic(e, root.SyntaxTree.FilePath, Location.Create(root.SyntaxTree, default));
            return new InterceptorFileSpec(HintName(root.SyntaxTree.FilePath), EquatableArray<InterceptedCall>.Empty, EquatableArray<GatedRegistration>.Empty,
                new EquatableArray<DiagnosticInfo>(new[] { failure }));
        }
    }

    private static InterceptorFileSpec ParseFile(CompilationUnitSyntax root, SemanticModel model, CancellationToken cancellationToken)
    {
        var calls = new List<InterceptedCall>();
        var registrations = new List<GatedRegistration>();
        var diagnostics = new List<DiagnosticInfo>();
        var effects = new Dictionary<IMethodSymbol, string>(SymbolEqualityComparer.Default);
        foreach (var invocation in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method)
                continue;
            if (ToolNames.TryGet(method.ReducedFrom ?? method, out var toolName, out var declaration))
                ParseToolCall(invocation, method, toolName, EffectsOf(declaration, effects, cancellationToken), model, calls, diagnostics, cancellationToken);
            else if (IsAIFunctionFactoryCreate(method))
                ParseRegistration(invocation, method, model, effects, registrations, diagnostics, cancellationToken);
        }
        ToolDispatch.CheckTypes(root, model, diagnostics, cancellationToken);
        return new InterceptorFileSpec(HintName(MappedPath(root.SyntaxTree.FilePath, model.Compilation)), calls.ToEquatableArray(), registrations.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    // The effects as the tool's declaration compiles them (also one of a referenced assembly): the identity the session checks.
    private static string EffectsOf(IMethodSymbol declaration, Dictionary<IMethodSymbol, string> known, CancellationToken cancellationToken)
    {
        if (!known.TryGetValue(declaration, out var effects))
            known.Add(declaration, effects = ToolParser.Parse(declaration, cancellationToken).Identity);
        return effects;
    }

    private static void ParseToolCall(InvocationExpressionSyntax invocation, IMethodSymbol method, string toolName, string effects, SemanticModel model,
        List<InterceptedCall> calls, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var problem = WhyNotInterceptable(invocation, method, model, cancellationToken);
        var location = problem is null ? model.GetInterceptableLocation(invocation, cancellationToken) : null;
        if (problem is null && location is null)
            problem = "the compiler offers no interceptable location for it";
        if (problem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UninterceptableCall, invocation.GetLocation(), toolName, problem));
            return;
        }

        var shape = method.MethodKind == MethodKind.ReducedExtension ? CallShape.Extension : method.IsStatic ? CallShape.Static : CallShape.Instance;
        var definition = method.ReducedFrom ?? method;
        var receiverType = shape switch
        {
            CallShape.Extension => method.ReceiverType!,
            CallShape.Instance => method.ContainingType,
            _ => null,
        };
        var receiverModifier = shape == CallShape.Instance && method.ContainingType.IsValueType ? "ref " : string.Empty;
        if (shape == CallShape.Extension)
            receiverModifier = Modifier(definition.Parameters[0]);
        var interceptedMethod = new InterceptedMethod(
            toolName,
            effects,
            shape,
            method.ContainingType.ToDisplayString(s_typeFormat),
            method.Name,
            method.IsGenericMethod ? "<" + string.Join(", ", method.TypeArguments.Select(Display)) + ">" : string.Empty,
            method.ReturnsVoid ? "void" : Display(method.ReturnType),
            ReturnShapeOf(method),
            receiverModifier,
            receiverType is null ? string.Empty : Display(receiverType),
            method.Parameters.Select(p => new ParameterSpec(Modifier(p), Display(p.Type), SafeName(p.Name))).ToEquatableArray());
        calls.Add(new InterceptedCall(interceptedMethod, location!.Version, location.Data, Site(invocation)));
    }

    private static string? WhyNotInterceptable(InvocationExpressionSyntax invocation, IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken)
    {
        if (method.MethodKind == MethodKind.LocalFunction)
            return "it is a local function, which no code outside its method can call; make the tool a method of a type";
        if (!GeneratedCodeAccess.IsReachableFromOtherTypes(method))
            return "the method is not accessible outside its type; make it internal or public";
        if (!GeneratedCodeAccess.IsAccessible(method.ContainingType))
            return "it is declared in a file-local type, which the generated code in another file cannot name";
        if (method.ReturnsByRef || method.ReturnsByRefReadonly)
            return "it returns by reference";
        // The interceptor can only call through its receiver parameter, which dispatches virtually: in an
        // override, base.M() would become a call of the override itself, recursing for ever.
        if (invocation.Expression is MemberAccessExpressionSyntax { Expression: BaseExpressionSyntax } && (method.IsVirtual || method.IsOverride || method.IsAbstract))
            return "it is a base call of a virtual method, which an interceptor can only make as a virtual call";
        if (InExpressionTree(invocation, model, cancellationToken))
            return "it is inside an expression tree, which is never executed as a call";
        if (method.TypeArguments.Concat(TypeArgumentsOf(method.ContainingType)).Any(t => !GeneratedCodeAccess.IsNameable(t)))
            return "its type arguments cannot be named outside the calling code (type parameters or anonymous types)";
        if (method.Parameters.Any(p => !GeneratedCodeAccess.IsNameable(p.Type)) || !method.ReturnsVoid && !GeneratedCodeAccess.IsNameable(method.ReturnType))
            return "its signature uses types that cannot be named outside the calling code";
        var shape = ReturnShapeOf(method);
        if (shape is ReturnShape.Task or ReturnShape.TaskOfT or ReturnShape.ValueTask or ReturnShape.ValueTaskOfT
            && method.Parameters.Any(p => p.RefKind != RefKind.None || p.Type.IsRefLikeType))
            return "it is awaitable and takes ref, in, out or ref struct parameters, which an async gate cannot pass on";
        if (!method.IsStatic && method.ContainingType.IsRefLikeType)
            return "it is an instance method of a ref struct";
        return null;
    }

    private static void ParseRegistration(InvocationExpressionSyntax invocation, IMethodSymbol create, SemanticModel model,
        Dictionary<IMethodSymbol, string> effects, List<GatedRegistration> registrations, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        // The argument's value as the invocation binds it: the operation of the argument's own syntax would
        // be the bare method reference, without the conversion to Delegate that creates the delegate.
        var operation = (model.GetOperation(invocation, cancellationToken) as IInvocationOperation)?.Arguments
            .FirstOrDefault(argument => argument.Parameter?.Ordinal == 0)?.Value;
        while (operation is IConversionOperation conversion)
            operation = conversion.Operand;
        // Only a method group names a tool; a lambda or a delegate variable is not a known tool (the analyzers report it).
        if (operation is not IDelegateCreationOperation { Target: IMethodReferenceOperation reference }
            || !ToolNames.TryGet(reference.Method.ReducedFrom ?? reference.Method, out var toolName, out var declaration))
            return;
        // The analyzers count this registration as gated, so one that cannot be intercepted must not pass silently.
        var location = model.GetInterceptableLocation(invocation, cancellationToken);
        if (location is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UninterceptableCall, invocation.GetLocation(), toolName,
                "the compiler offers no interceptable location for this registration"));
            return;
        }
        registrations.Add(new GatedRegistration(
            toolName,
            EffectsOf(declaration, effects, cancellationToken),
            Display(create.ReturnType),
            create.Parameters.Select(p => new ParameterSpec(Modifier(p), Display(p.Type), SafeName(p.Name))).ToEquatableArray(),
            location.Version,
            location.Data,
            Site(invocation)));
    }

    private static bool IsAIFunctionFactoryCreate(IMethodSymbol method) =>
        method.Name == "Create" && method.IsStatic && method.Parameters.Length > 0
        && method.ContainingType?.ToDisplayString() == KnownTypes.AIFunctionFactory
        && method.Parameters[0].Type.SpecialType == SpecialType.System_Delegate;

    private static ReturnShape ReturnShapeOf(IMethodSymbol method)
    {
        if (method.ReturnsVoid)
            return ReturnShape.Void;
        return method.ReturnType.OriginalDefinition.ToDisplayString() switch
        {
            "System.Threading.Tasks.Task" => ReturnShape.Task,
            "System.Threading.Tasks.Task<TResult>" => ReturnShape.TaskOfT,
            "System.Threading.Tasks.ValueTask" => ReturnShape.ValueTask,
            "System.Threading.Tasks.ValueTask<TResult>" => ReturnShape.ValueTaskOfT,
            _ => ReturnShape.Value,
        };
    }

    private static IEnumerable<ITypeSymbol> TypeArgumentsOf(INamedTypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            foreach (var argument in current.TypeArguments)
                yield return argument;
        }
    }

    private static bool InExpressionTree(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var lambda in node.Ancestors().OfType<LambdaExpressionSyntax>())
        {
            var converted = model.GetTypeInfo(lambda, cancellationToken).ConvertedType;
            if (converted?.OriginalDefinition.ToDisplayString() == "System.Linq.Expressions.Expression<TDelegate>")
                return true;
        }
        return false;
    }

    private static string Modifier(IParameterSymbol parameter)
    {
        var modifier = parameter.RefKind switch
        {
            RefKind.Ref => "ref ",
            RefKind.Out => "out ",
            RefKind.In => "in ",
            RefKind.RefReadOnlyParameter => "ref readonly ",
            _ => string.Empty,
        };
        return parameter.IsParams ? "params " + modifier : modifier;
    }

    private static string Display(ITypeSymbol type) => type.ToDisplayString(s_typeFormat);

    private static string SafeName(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.AwaitKeyword ? "@" + name : name;

    // File name and position only: the absolute path would make the generated code machine-dependent.
    private static string Site(InvocationExpressionSyntax invocation)
    {
        var span = invocation.GetLocation().GetLineSpan();
        return $"{System.IO.Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})";
    }

    // The path as the build maps it (/pathmap, which ContinuousIntegrationBuild sets): the hint name ends up
    // in the metadata name of the file-local interceptor class, so hashing the raw absolute path would make
    // the assembly differ with the folder it was built in.
    private static string MappedPath(string filePath, Compilation compilation) =>
        compilation.Options.SourceReferenceResolver?.NormalizePath(filePath, baseFilePath: null) ?? filePath;

    private static string HintName(string filePath)
    {
        // A stable FNV-1a hash keeps two files of the same name apart without putting the path in the name.
        var hash = 2166136261u;
        foreach (var c in filePath)
            hash = unchecked((hash ^ c) * 16777619u);
        var name = System.IO.Path.GetFileNameWithoutExtension(filePath);
        return $"TrajecktInterceptors.{Identifiers.Sanitize(name)}.{hash:x8}.g.cs";
    }
}
