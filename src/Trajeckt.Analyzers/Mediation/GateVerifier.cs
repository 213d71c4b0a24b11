using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Trajeckt.Analyzers.Mediation;

/// <summary>
/// Decides, by the shape of its body, whether a method is a Trajeckt gate for a tool: a method whose every
/// run decides the tool first and records its output after. The compiler says which method intercepts a
/// call, but anyone can write an interceptor, so a method counts as a gate only when its body is:
/// <code>
/// var call = global::Trajeckt.Interception.ToolGate.Begin*(slot-or-name-of-that-tool, ...);
/// try { one statement with exactly one call of that tool } finally { call.Complete(); }
/// </code>
/// where <c>ToolGate</c> and <c>GatedCall</c> are the runtime's own types, the slot is a static readonly
/// field created with the tool's name in a type without a static constructor, and no call in the body is
/// itself intercepted (else an interceptor of the inner call, or of <c>Begin</c>, would undo the gate).
/// The generated AIFunction (<c>Trajeckt.Generated.TrajecktGatedAIFunction</c>) is checked the same way.
/// </summary>
internal sealed class GateVerifier
{
    private const string GatedFunctionType = "Trajeckt.Generated.TrajecktGatedAIFunction";

    private readonly ConcurrentDictionary<IMethodSymbol, Gate?> _gates = new(SymbolEqualityComparer.Default);
    private readonly Compilation _compilation;
    private readonly TrajecktSymbols _symbols;
    private readonly INamedTypeSymbol? _toolGate;
    private readonly INamedTypeSymbol? _gatedCall;
    private readonly INamedTypeSymbol? _toolSlot;
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();
    private bool? _gatedFunctionVerified;

    public GateVerifier(Compilation compilation, TrajecktSymbols symbols)
    {
        _compilation = compilation;
        _symbols = symbols;
        _toolGate = RuntimeType(compilation, "Trajeckt.Interception.ToolGate");
        _gatedCall = RuntimeType(compilation, "Trajeckt.Interception.GatedCall");
        _toolSlot = RuntimeType(compilation, "Trajeckt.Interception.ToolSlot");
    }

    /// <summary>What a verified gate gates: the tool's name and the one call of it in the gate's body.</summary>
    public sealed class Gate(string toolName, SyntaxNode gatedCall)
    {
        public string ToolName { get; } = toolName;

        public SyntaxNode GatedCall { get; } = gatedCall;
    }

    /// <summary>The gate that <paramref name="method"/> is, or <see langword="null"/> when its body is not a gate's.</summary>
    /// <remarks><paramref name="model"/>, when it is of the gate's own file, saves binding the gate a second time.</remarks>
    public Gate? Verify(IMethodSymbol method, SemanticModel? model, CancellationToken cancellationToken) =>
        _gates.TryGetValue(method.OriginalDefinition, out var known) ? known : _gates.GetOrAdd(method.OriginalDefinition, m => Check(m, model, cancellationToken));

    /// <summary>Whether a type named <c>Trajeckt.Generated.TrajecktGatedAIFunction</c> exists and decides every invocation first.</summary>
    public bool IsGatedFunction(ITypeSymbol? type, CancellationToken cancellationToken)
    {
        if (type is not INamedTypeSymbol named || named.ToDisplayString() != GatedFunctionType)
            return false;
        return _gatedFunctionVerified ??= CheckGatedFunction(named, cancellationToken);
    }

    private Gate? Check(IMethodSymbol method, SemanticModel? hint, CancellationToken cancellationToken)
    {
        if (!method.IsStatic || _toolGate is null || _gatedCall is null || method.DeclaringSyntaxReferences.Length != 1)
            return null;
        if (method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not MethodDeclarationSyntax { Body: { } body } declaration)
            return null;
        if (HasStaticConstructor(method.ContainingType))
            return null;
        var model = hint?.SyntaxTree == declaration.SyntaxTree ? hint : ModelOf(declaration.SyntaxTree);
        if (model.GetOperation(body, cancellationToken) is not IBlockOperation block || block.Operations.Length != 2)
            return null;
        if (Begin(block.Operations[0], model, cancellationToken) is not var (local, toolName))
            return null;
        if (block.Operations[1] is not ITryOperation { Catches.Length: 0, Finally: { } @finally } @try || !Completes(@finally, local, model, cancellationToken))
            return null;
        if (@try.Body.Operations.Length != 1)
            return null;
        IInvocationOperation? gated = null;
        foreach (var invocation in @try.Body.Operations[0].DescendantsAndSelf().OfType<IInvocationOperation>())
        {
            if (IsIntercepted(invocation, model, cancellationToken))
                return null;
            if (!_symbols.TryGetTool(invocation.TargetMethod, out var tool))
                continue;
            if (gated is not null || tool != toolName)
                return null;
            gated = invocation;
        }
        return gated is null ? null : new Gate(toolName, gated.Syntax);
    }

    // `var call = ToolGate.Begin*(slot, ...)`: the local and the name of the tool it decides.
    private (ILocalSymbol Local, string ToolName)? Begin(IOperation statement, SemanticModel model, CancellationToken cancellationToken)
    {
        if (SingleDeclarator(statement) is not { } declarator)
            return null;
        if (Operations.WithoutConversions(declarator.Initializer?.Value) is not IInvocationOperation begin
            || !SymbolEqualityComparer.Default.Equals(begin.TargetMethod.ContainingType, _toolGate)
            || !begin.TargetMethod.Name.StartsWith("Begin", System.StringComparison.Ordinal)
            || IsIntercepted(begin, model, cancellationToken))
            return null;
        var first = begin.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value;
        var name = ToolNameOf(Operations.WithoutConversions(first), cancellationToken);
        return name is null ? null : (declarator.Symbol, name);
    }

    // A constant name, or a static readonly slot field created from one.
    private string? ToolNameOf(IOperation? value, CancellationToken cancellationToken)
    {
        if (value?.ConstantValue is { HasValue: true, Value: string constant })
            return constant;
        if (value is not IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true } field } || _toolSlot is null
            || !SymbolEqualityComparer.Default.Equals(field.Type, _toolSlot) || field.DeclaringSyntaxReferences.Length != 1)
            return null;
        if (field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } initializer })
            return null;
        var model = ModelOf(initializer.SyntaxTree);
        if (Operations.WithoutConversions(model.GetOperation(initializer, cancellationToken)) is not IObjectCreationOperation creation
            || !SymbolEqualityComparer.Default.Equals(creation.Type, _toolSlot))
            return null;
        return creation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value.ConstantValue is { HasValue: true, Value: string name } ? name : null;
    }

    // `finally { call.Complete(); }` and nothing else.
    private bool Completes(IBlockOperation @finally, ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken) =>
        @finally.Operations.Length == 1 && @finally.Operations[0] is IExpressionStatementOperation { Operation: IInvocationOperation complete }
        && complete.TargetMethod.Name == "Complete"
        && SymbolEqualityComparer.Default.Equals(complete.TargetMethod.ContainingType, _gatedCall)
        && complete.Instance is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local)
        && !IsIntercepted(complete, model, cancellationToken);

    private static IVariableDeclaratorOperation? SingleDeclarator(IOperation statement) =>
        statement is IVariableDeclarationGroupOperation { Declarations.Length: 1 } group && group.Declarations[0].Declarators.Length == 1
            ? group.Declarations[0].Declarators[0]
            : null;

    private static bool IsIntercepted(IInvocationOperation invocation, SemanticModel model, CancellationToken cancellationToken) =>
        invocation.Syntax is InvocationExpressionSyntax syntax && model.GetInterceptorMethod(syntax, cancellationToken) is not null;

    private static bool HasStaticConstructor(INamedTypeSymbol? type) =>
        type is null || type.StaticConstructors.Any(c => !c.IsImplicitlyDeclared);

    // The generated function: its InvokeCoreAsync override is the only way in, and it is a gate of the
    // function's slot. Its slot is created from the tool name the function is constructed with, which the
    // call sites pass as a constant (checked there).
    private bool CheckGatedFunction(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (!type.IsSealed || _toolGate is null)
            return false;
        var invokes = type.GetMembers("InvokeCoreAsync").OfType<IMethodSymbol>().ToList();
        if (invokes.Count != 1 || invokes[0].DeclaringSyntaxReferences.Length != 1)
            return false;
        if (invokes[0].DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not MethodDeclarationSyntax { Body: { } body } declaration)
            return false;
        var model = ModelOf(declaration.SyntaxTree);
        if (model.GetOperation(body, cancellationToken) is not IBlockOperation { Operations.Length: 2 } block
            || SingleDeclarator(block.Operations[0]) is not { } declarator
            || block.Operations[1] is not ITryOperation { Catches.Length: 0, Finally: { } @finally })
            return false;
        return Operations.WithoutConversions(declarator.Initializer?.Value) is IInvocationOperation begin
            && SymbolEqualityComparer.Default.Equals(begin.TargetMethod.ContainingType, _toolGate)
            && begin.TargetMethod.Name.StartsWith("Begin", System.StringComparison.Ordinal)
            && !IsIntercepted(begin, model, cancellationToken)
            && Completes(@finally, declarator.Symbol, model, cancellationToken);
    }

    /// <summary>The semantic model of a gate's file, which is not the file being analyzed, created once per file.</summary>
#pragma warning disable RS1030 // the gate is declared in another (generated) file than the call: only a model of that file can read it
    public SemanticModel ModelOf(SyntaxTree tree) => _models.GetOrAdd(tree, t => _compilation.GetSemanticModel(t));
#pragma warning restore RS1030

    // Only the runtime's own type counts: a type of the same name declared in this compilation does not.
    private static INamedTypeSymbol? RuntimeType(Compilation compilation, string metadataName)
    {
        foreach (var reference in compilation.References)
        {
            if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol { Name: "Trajeckt.Runtime" } runtime
                && runtime.GetTypeByMetadataName(metadataName) is { } type)
                return type;
        }
        return null;
    }
}
