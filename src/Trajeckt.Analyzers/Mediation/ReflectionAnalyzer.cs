using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Trajeckt.Analyzers.Mediation;

/// <summary>
/// Reflection and unsafe access that may reach a tool (docs/mediation.md). A member look-up
/// (<c>GetMethod(s)</c>, <c>GetMember(s)</c>, <c>InvokeMember</c>, <c>GetRuntimeMethods</c>,
/// <c>DeclaredMethods</c>, <c>Expression.Call(type, "name")</c>, <c>Delegate.CreateDelegate(..., "name")</c>, ...)
/// on a type that declares a tool, by a name that may be the tool's or by no name at all, is an error
/// (TRJ2013), as are <c>Type.GetType("App.Tools")</c> naming such a type and an <c>[UnsafeAccessor]</c> to a
/// tool. A look-up on a type known only at run time is a warning (TRJ2014). Whatever a look-up returns (a
/// MethodInfo in a field, a handle, a function pointer, an expression) starts at a look-up, so it is
/// reported there, where the type is still known.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ReflectionAnalyzer : DiagnosticAnalyzer
{
    private static readonly HashSet<string> s_lookups = new(System.StringComparer.Ordinal)
    {
        "GetMethod", "GetMethods", "GetMember", "GetMembers", "GetProperty", "GetProperties", "GetEvent", "GetEvents",
        "GetDefaultMembers", "FindMembers", "InvokeMember", "GetInterfaceMap", "GetDeclaredMethod", "GetDeclaredMethods",
        "GetDeclaredProperty", "GetDeclaredEvent", "GetRuntimeMethod", "GetRuntimeMethods", "GetRuntimeProperty",
        "GetRuntimeProperties", "GetRuntimeEvent", "GetRuntimeEvents", "GetRuntimeInterfaceMap", "GetMemberWithSameMetadataDefinitionAs",
    };

    private static readonly HashSet<string> s_declaredMembers = new(System.StringComparer.Ordinal)
    {
        "DeclaredMethods", "DeclaredMembers", "DeclaredProperties", "DeclaredEvents",
    };

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.ReflectionOnToolType, Descriptors.UnresolvedReflection, Descriptors.MediationNotChecked);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        TrajecktAnalysis.OnTrajecktCompilation(context, (start, symbols) =>
        {
            var types = new ReflectedTypes(start.Compilation, symbols);
            start.RegisterOperationAction(c => FailClosed.Run(c, () => AnalyzeInvocation(c, symbols, types)), OperationKind.Invocation);
            start.RegisterOperationAction(c => FailClosed.Run(c, () => AnalyzeProperty(c, symbols, types)), OperationKind.PropertyReference);
            start.RegisterSymbolAction(c => FailClosed.Run(c, () => AnalyzeUnsafeAccessor(c, symbols)), SymbolKind.Method);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, TrajecktSymbols symbols, ReflectedTypes types)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
        // A name test first: the namespace test formats a string, and most invocations are none of these.
        if (!s_lookups.Contains(method.Name) && method.Name is not ("GetType" or "ResolveMethod" or "ResolveMember" or "GetMethodFromHandle" or "Call" or "CreateDelegate")
            || !IsReflection(method.ContainingType))
            return;
        var how = method.ContainingType.Name + "." + method.Name;
        if (s_lookups.Contains(method.Name))
        {
            var receiver = invocation.Instance ?? invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value;
            Report(context, how, types.Resolve(receiver, context.CancellationToken), ConstantName(invocation, method), symbols);
        }
        else if (method.Name == "GetType" && method.IsStatic || method.Name == "GetType" && method.ContainingType.Name is "Assembly" or "Module")
        {
            // Type.GetType("App.Tools"): the type itself, before any look-up.
            if (ReflectedTypes.ConstantTypeName(invocation) is { } name && types.ByName(name) is { } type && symbols.FirstToolOf(type) is { } tool)
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.ReflectionOnToolType, invocation.Syntax.GetLocation(), $"{how}(\"{name}\")",
                    type.ToDisplayString(), tool.Name, Operations.MethodGroupText(tool.Method)));
        }
        else if (method.Name is "ResolveMethod" or "ResolveMember" or "GetMethodFromHandle")
        {
            // A method found by metadata token or handle: no type to check.
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnresolvedReflection, invocation.Syntax.GetLocation(), how));
        }
        else if (method.Name is "Call" && method.ContainingType.Name == "Expression" && StringArgument(invocation) is { } methodName)
        {
            // Expression.Call(typeof(T), "name", ...) or Expression.Call(instance, "name", ...): an expression's type is a run-time value.
            var type = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "type");
            Report(context, how, type is null ? null : types.Resolve(type.Value, context.CancellationToken), Constant(methodName), symbols);
        }
        else if (method.Name is "CreateDelegate" && method.ContainingType.Name == "Delegate" && StringArgument(invocation) is { } delegateMethod)
        {
            // Delegate.CreateDelegate(delegateType, target, "name", ...): the target is a Type or an object.
            var target = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "target")?.Value;
            var resolved = target?.Type?.Name == "Type" ? types.Resolve(target, context.CancellationToken)
                : Operations.WithoutConversions(target)?.Type is { } targetType ? types.MayBe(targetType, context.CancellationToken)
                : null;
            Report(context, how, resolved, Constant(delegateMethod), symbols);
        }
    }

    private static string? Constant(IArgumentOperation argument) =>
        argument.Value.ConstantValue is { HasValue: true, Value: string name } ? name : null;

    // TypeInfo.DeclaredMethods and friends: every member, no name.
    private static void AnalyzeProperty(OperationAnalysisContext context, TrajecktSymbols symbols, ReflectedTypes types)
    {
        var property = (IPropertyReferenceOperation)context.Operation;
        if (!s_declaredMembers.Contains(property.Property.Name) || !IsReflection(property.Property.ContainingType))
            return;
        Report(context, "TypeInfo." + property.Property.Name, types.Resolve(property.Instance, context.CancellationToken), null, symbols);
    }

    private static void Report(OperationAnalysisContext context, string how, IReadOnlyList<ITypeSymbol>? candidates, string? name, TrajecktSymbols symbols)
    {
        if (candidates is null)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnresolvedReflection, context.Operation.Syntax.GetLocation(), how));
            return;
        }
        foreach (var type in candidates)
        {
            if (ToolReached(type, name, symbols) is { } tool)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.ReflectionOnToolType, context.Operation.Syntax.GetLocation(), how,
                    type.ToDisplayString(), tool.Name, Operations.MethodGroupText(tool.Method)));
                return;
            }
        }
    }

    // A tool of the type (or a base) that a look-up by this name (or by no name: every member) may return.
    private static (string Name, IMethodSymbol Method)? ToolReached(ITypeSymbol type, string? name, TrajecktSymbols symbols)
    {
        if (name is null)
            return symbols.FirstToolOf(type);
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                var methods = member switch
                {
                    IMethodSymbol method => new[] { method },
                    IPropertySymbol property => new[] { property.GetMethod, property.SetMethod },
                    IEventSymbol @event => new[] { @event.AddMethod, @event.RemoveMethod },
                    _ => [],
                };
                if (member.Name != name && member.MetadataName != name)
                    continue;
                foreach (var method in methods)
                {
                    if (method is not null && symbols.TryGetTool(method, out var tool))
                        return (tool, method);
                }
            }
        }
        return null;
    }

    private static void AnalyzeUnsafeAccessor(SymbolAnalysisContext context, TrajecktSymbols symbols)
    {
        var method = (IMethodSymbol)context.Symbol;
        var accessor = method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "System.Runtime.CompilerServices.UnsafeAccessorAttribute");
        if (accessor is null)
            return;
        var name = accessor.NamedArguments.FirstOrDefault(a => a.Key == "Name").Value.Value as string ?? method.Name;
        var target = method.Parameters.FirstOrDefault()?.Type;
        var location = method.Locations.FirstOrDefault();
        var typedByName = method.Parameters.FirstOrDefault()?.GetAttributes().Any(a => a.AttributeClass?.Name == "UnsafeAccessorTypeAttribute") == true;
        if (target is null || typedByName || target.SpecialType == SpecialType.System_Object)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnresolvedReflection, location, "[UnsafeAccessor] '" + method.Name + "'"));
            return;
        }
        if (ToolReached(target, name, symbols) is { } tool)
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ReflectionOnToolType, location, "[UnsafeAccessor] '" + method.Name + "'",
                target.ToDisplayString(), tool.Name, Operations.MethodGroupText(tool.Method)));
    }

    private static bool IsReflection(INamedTypeSymbol? type) =>
        type?.ContainingNamespace?.ToDisplayString() is "System" or "System.Reflection" or "System.Linq.Expressions"
        && type.Name is "Type" or "TypeInfo" or "RuntimeReflectionExtensions" or "IReflect" or "Assembly" or "Module" or "MethodBase"
            or "Expression" or "Delegate" or "MemberInfo" or "IntrospectionExtensions";

    private static string? ConstantName(IInvocationOperation invocation, IMethodSymbol method) =>
        method.Name is "GetMethods" or "GetMembers" or "GetProperties" or "GetEvents" or "GetDefaultMembers" or "FindMembers" or "GetInterfaceMap"
            or "GetDeclaredMethods" or "GetRuntimeMethods" or "GetRuntimeProperties" or "GetRuntimeEvents" or "GetRuntimeInterfaceMap" or "GetMemberWithSameMetadataDefinitionAs"
            ? null
            : StringArgument(invocation) is { } argument ? Constant(argument) : null;

    private static IArgumentOperation? StringArgument(IInvocationOperation invocation) =>
        invocation.Arguments.FirstOrDefault(a => a.Parameter?.Type.SpecialType == SpecialType.System_String);
}
