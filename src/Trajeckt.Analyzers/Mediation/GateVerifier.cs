using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Trajeckt.Analyzers.Mediation;

/// <summary>
/// Reads, by the shape of its body, whether a method is a Trajeckt gate for a tool: a method whose every
/// run decides the tool first and records its output after. The compiler says which method intercepts a
/// call, but anyone can write an interceptor, so a method counts as a gate only when its body is:
/// <code>
/// var call = global::Trajeckt.Interception.ToolGate.Begin*(slot-or-name-of-that-tool, ...);
/// try { one statement with exactly one call of that tool } finally { call.Complete(); }
/// </code>
/// where <c>ToolGate</c> and <c>GatedCall</c> are the runtime's own types, the slot is a static readonly
/// field created with the tool's name in a type without a static constructor (as is the gate's type), and no
/// call in the body is itself intercepted (else an interceptor of the inner call, or of <c>Begin</c>, would
/// undo the gate). Bodies are read from the analyzer driver's own bound trees (<see cref="ReadGate"/>,
/// <see cref="ReadSlot"/>), never bound a second time; <see cref="GateLedger"/> puts the pieces together.
/// The generated AIFunction (<c>Trajeckt.Generated.TrajecktGatedAIFunction</c>) is checked the same way.
/// </summary>
internal sealed class GateVerifier
{
    private const string GatedFunctionType = "Trajeckt.Generated.TrajecktGatedAIFunction";

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

    /// <summary>
    /// What a method's body shows, when it has the shape of a gate: the tool it decides (a constant name, or
    /// a slot field whose name <see cref="ReadSlot"/> reads), the tool it calls and that one call, and the body
    /// it was read from (the method's only declaration, so no other declaration of the same symbol can stand in).
    /// </summary>
    public sealed class GateShape(string? decidedName, IFieldSymbol? decidedSlot, string calledTool, SyntaxNode gatedCall, SyntaxNode body)
    {
        public string? DecidedName { get; } = decidedName;

        public IFieldSymbol? DecidedSlot { get; } = decidedSlot;

        public string CalledTool { get; } = calledTool;

        public SyntaxNode GatedCall { get; } = gatedCall;

        public SyntaxNode Body { get; } = body;
    }

    /// <summary>
    /// The gate shape of <paramref name="method"/>'s body among the driver's <paramref name="blocks"/> for it,
    /// or <see langword="null"/> when it is not a gate's. Cheap for every other method: the first statement
    /// must already be a call of the runtime's <c>ToolGate.Begin*</c>.
    /// </summary>
    public GateShape? ReadGate(IMethodSymbol method, ImmutableArray<IOperation> blocks, CancellationToken cancellationToken)
    {
        if (!method.IsStatic || _toolGate is null || _gatedCall is null || BodyOf(method, cancellationToken) is not { } body)
            return null;
        if (BlockOf(blocks, body) is not { Operations.Length: 2 } block)
            return null;
        if (Begin(block.Operations[0], cancellationToken) is not var (local, decidedName, decidedSlot))
            return null;
        if (HasStaticConstructor(method.ContainingType))
            return null;
        if (block.Operations[1] is not ITryOperation { Catches.Length: 0, Finally: { } @finally } @try || !Completes(@finally, local, cancellationToken))
            return null;
        if (@try.Body.Operations.Length != 1)
            return null;
        IInvocationOperation? gated = null;
        string? calledTool = null;
        foreach (var invocation in @try.Body.Operations[0].DescendantsAndSelf().OfType<IInvocationOperation>())
        {
            if (IsIntercepted(invocation, cancellationToken))
                return null;
            if (!_symbols.TryGetTool(invocation.TargetMethod, out var tool))
                continue;
            if (gated is not null)
                return null;
            gated = invocation;
            calledTool = tool;
        }
        return gated is null ? null : new GateShape(decidedName, decidedSlot, calledTool!, gated.Syntax, body);
    }

    /// <summary>The tool name a slot field is created with (<c>static readonly ToolSlot s = new("name", ...)</c>), read from the driver's blocks for the field.</summary>
    public string? ReadSlot(IFieldSymbol field, ImmutableArray<IOperation> blocks)
    {
        if (_toolSlot is null || !field.IsStatic || !field.IsReadOnly || !SymbolEqualityComparer.Default.Equals(field.Type, _toolSlot)
            || field.DeclaringSyntaxReferences.Length != 1 || HasStaticConstructor(field.ContainingType))
            return null;
        foreach (var block in blocks)
        {
            if (block is IFieldInitializerOperation { InitializedFields.Length: 1 } initializer
                && SymbolEqualityComparer.Default.Equals(initializer.InitializedFields[0], field)
                && Operations.WithoutConversions(initializer.Value) is IObjectCreationOperation creation
                && SymbolEqualityComparer.Default.Equals(creation.Type, _toolSlot))
                return creation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value.ConstantValue is { HasValue: true, Value: string name } ? name : null;
        }
        return null;
    }

    /// <summary>Whether <paramref name="method"/> is the runtime's <c>ToolGate.Begin*</c>, the first call of every gate.</summary>
    public bool IsBegin(IMethodSymbol method) =>
        _toolGate is not null && method.Name.StartsWith("Begin", System.StringComparison.Ordinal) && SymbolEqualityComparer.Default.Equals(method.ContainingType, _toolGate);

    /// <summary>Whether <paramref name="type"/> is the runtime's <c>ToolSlot</c>.</summary>
    public bool IsSlot(ITypeSymbol? type) => _toolSlot is not null && SymbolEqualityComparer.Default.Equals(type, _toolSlot);

    /// <summary>The block body of <paramref name="method"/>'s one declaration, if it has exactly one and it is a method with a block body.</summary>
    public static SyntaxNode? BodyOf(IMethodSymbol method, CancellationToken cancellationToken) =>
        method.DeclaringSyntaxReferences.Length == 1 && method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is MethodDeclarationSyntax { Body: { } body }
            ? body
            : null;

    /// <summary>Whether a type named <c>Trajeckt.Generated.TrajecktGatedAIFunction</c> exists and decides every invocation first.</summary>
    public bool IsGatedFunction(ITypeSymbol? type, CancellationToken cancellationToken)
    {
        if (type is not INamedTypeSymbol named || named.ToDisplayString() != GatedFunctionType)
            return false;
        return _gatedFunctionVerified ??= CheckGatedFunction(named, cancellationToken);
    }

    private static IBlockOperation? BlockOf(ImmutableArray<IOperation> blocks, SyntaxNode body)
    {
        foreach (var block in blocks)
        {
            var candidate = block is IMethodBodyOperation methodBody ? methodBody.BlockBody : block as IBlockOperation;
            if (candidate is not null && candidate.Syntax == body)
                return candidate;
        }
        return null;
    }

    // `var call = ToolGate.Begin*(slot-or-name, ...)`: the local, and the constant name or the slot field it decides.
    private (ILocalSymbol Local, string? Name, IFieldSymbol? Slot)? Begin(IOperation statement, CancellationToken cancellationToken)
    {
        if (SingleDeclarator(statement) is not { } declarator)
            return null;
        if (Operations.WithoutConversions(declarator.Initializer?.Value) is not IInvocationOperation begin
            || !SymbolEqualityComparer.Default.Equals(begin.TargetMethod.ContainingType, _toolGate)
            || !begin.TargetMethod.Name.StartsWith("Begin", System.StringComparison.Ordinal)
            || IsIntercepted(begin, cancellationToken))
            return null;
        var first = Operations.WithoutConversions(begin.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value);
        if (first?.ConstantValue is { HasValue: true, Value: string constant })
            return (declarator.Symbol, constant, null);
        if (first is IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true } field } && _toolSlot is not null
            && SymbolEqualityComparer.Default.Equals(field.Type, _toolSlot))
            return (declarator.Symbol, null, field.OriginalDefinition);
        return null;
    }

    // `finally { call.Complete(); }` and nothing else.
    private bool Completes(IBlockOperation @finally, ILocalSymbol local, CancellationToken cancellationToken) =>
        @finally.Operations.Length == 1 && @finally.Operations[0] is IExpressionStatementOperation { Operation: IInvocationOperation complete }
        && complete.TargetMethod.Name == "Complete"
        && SymbolEqualityComparer.Default.Equals(complete.TargetMethod.ContainingType, _gatedCall)
        && complete.Instance is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local)
        && !IsIntercepted(complete, cancellationToken);

    private static IVariableDeclaratorOperation? SingleDeclarator(IOperation statement) =>
        statement is IVariableDeclarationGroupOperation { Declarations.Length: 1 } group && group.Declarations[0].Declarators.Length == 1
            ? group.Declarations[0].Declarators[0]
            : null;

    // The driver's model of the gate's own file: the compiler's map of interceptors, no binding.
    private static bool IsIntercepted(IInvocationOperation invocation, CancellationToken cancellationToken) =>
        invocation.Syntax is InvocationExpressionSyntax syntax
        && (invocation.SemanticModel ?? throw new System.InvalidOperationException("an operation without a semantic model")).GetInterceptorMethod(syntax, cancellationToken) is not null;

    private static bool HasStaticConstructor(INamedTypeSymbol? type) =>
        type is null || type.StaticConstructors.Any(c => !c.IsImplicitlyDeclared);

    // The generated function: its InvokeCoreAsync override is the only way in, and it is a gate of the
    // function's slot. Its slot is created from the tool name the function is constructed with, which the
    // call sites pass as a constant (checked there). One type per compilation: bound once, in a model of its own.
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
            && !IsIntercepted(begin, cancellationToken)
            && Completes(@finally, declarator.Symbol, cancellationToken);
    }

    /// <summary>The semantic model of a file that is not the one being analyzed (a registration gate, the gated function), created once per file.</summary>
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
