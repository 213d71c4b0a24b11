using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Trajeckt.Analyzers.Mediation;

/// <summary>
/// The methods an operation calls without a call written in the source: accessors, operators, conversions,
/// and the members the compiler binds for a language pattern (<c>foreach</c>, <c>await</c>, <c>using</c>,
/// deconstruction, indexes and ranges, collection expressions, <c>with</c>, <c>lock</c>, <c>fixed</c>,
/// <c>ToString</c> of interpolation and concatenation). Where the compiler does not expose the member it
/// binds, every member the pattern could bind (by name, extension methods in scope included) is listed:
/// over-approximating is safe here, since each listed member is only reported when it is a tool.
/// </summary>
internal static class ImplicitCalls
{
    private static readonly string[] s_enumeratorMembers = ["MoveNext", "MoveNextAsync", "Current", "Dispose", "DisposeAsync"];

    public static IEnumerable<(IMethodSymbol Method, string Construct)> Of(IOperation operation, CancellationToken cancellationToken)
    {
        switch (operation)
        {
            case IPropertyReferenceOperation property:
                return Accessors(property.Property, property.Property.IsIndexer ? "an indexer access" : "a property access");
            case IEventReferenceOperation @event:
                return Methods("an event access", @event.Event.AddMethod, @event.Event.RemoveMethod, @event.Event.RaiseMethod);
            case IObjectCreationOperation creation:
                return Methods("an object creation", creation.Constructor);
            case IUnaryOperation unary:
                return Methods("an operator", unary.OperatorMethod);
            case IBinaryOperation binary:
                return Methods("an operator", binary.OperatorMethod).Concat(ShortCircuit(binary)).Concat(StringConversions(binary));
            case IIncrementOrDecrementOperation increment:
                return Methods("an increment or decrement operator", increment.OperatorMethod);
            case ICompoundAssignmentOperation compound:
                return Methods("a compound assignment", compound.OperatorMethod, compound.InConversion.MethodSymbol, compound.OutConversion.MethodSymbol);
            case IConversionOperation conversion:
                return Methods("a conversion", conversion.OperatorMethod);
            case ICoalesceOperation coalesce:
                return Methods("a conversion in '??'", coalesce.ValueConversion.MethodSymbol);
            case IForEachLoopOperation loop:
                return ForEach(loop);
            case IAwaitOperation await:
                return Await(await);
            case IUsingOperation @using:
                return Disposal(@using.Resources, @using.IsAsynchronous);
            case IUsingDeclarationOperation usingDeclaration:
                return Disposal(usingDeclaration.DeclarationGroup, usingDeclaration.IsAsynchronous);
            case IDeconstructionAssignmentOperation deconstruction:
                return Deconstruction(deconstruction);
            case IRecursivePatternOperation recursive:
                return Methods("a positional pattern", recursive.DeconstructSymbol as IMethodSymbol);
            case IListPatternOperation list:
                return Members("a list pattern", list.LengthSymbol, list.IndexerSymbol);
            case ISlicePatternOperation slice:
                return Members("a slice pattern", slice.SliceSymbol);
            case IImplicitIndexerReferenceOperation indexer:
                return Members("an index or range", indexer.LengthSymbol, indexer.IndexerSymbol);
            case IRangeOperation range:
                return Methods("a range", range.Method);
            case IWithOperation with:
                return Methods("a 'with' expression", with.CloneMethod);
            case ICollectionExpressionOperation collection:
                return Collection(collection);
            case ISpreadOperation spread:
                return Enumeration(spread.Operand, "a spread element");
            case IInterpolationOperation interpolation:
                return ToStringOf(interpolation.Expression.Type, "a string interpolation");
            case ILockOperation @lock:
                return Lookup(@lock.LockedValue, "a lock statement", "EnterScope", "Enter", "Exit", "Dispose");
            case ITupleBinaryOperation tuple:
                return TupleOperators(tuple);
            case IDynamicInvocationOperation or IDynamicMemberReferenceOperation or IDynamicIndexerAccessOperation or IDynamicObjectCreationOperation:
                return []; // the runtime binder: the reflection checks (TRJ2002) name tools a dynamic call may reach
            case IInterpolatedStringAppendOperation append:
                return Methods("a string interpolation handler", (append.AppendCall as IInvocationOperation)?.TargetMethod);
            case ILoopOperation:
                return []; // for, while, do: their conditions are operations of their own
            default:
                return Unclassified(operation, cancellationToken);
        }
    }

    private static IEnumerable<(IMethodSymbol, string)> Methods(string construct, params IMethodSymbol?[] methods)
    {
        foreach (var method in methods)
        {
            if (method is not null)
                yield return (method, construct);
        }
    }

    private static IEnumerable<(IMethodSymbol, string)> Accessors(IPropertySymbol property, string construct) =>
        Methods(construct, property.GetMethod, property.SetMethod);

    private static IEnumerable<(IMethodSymbol, string)> Members(string construct, params ISymbol?[] members)
    {
        foreach (var member in members)
        {
            switch (member)
            {
                case IMethodSymbol method:
                    yield return (method, construct);
                    break;
                case IPropertySymbol property:
                    foreach (var accessor in Accessors(property, construct))
                        yield return accessor;
                    break;
            }
        }
    }

    private static IEnumerable<(IMethodSymbol, string)> ForEach(IForEachLoopOperation loop)
    {
        var construct = loop.IsAsynchronous ? "an 'await foreach' loop" : "a foreach loop";
        var model = loop.SemanticModel;
        if (model is null || loop.Syntax is not CommonForEachStatementSyntax syntax)
            return Enumeration(loop.Collection, construct);
        var info = model.GetForEachStatementInfo(syntax);
        var found = Methods(construct, info.GetEnumeratorMethod, info.MoveNextMethod, info.CurrentProperty?.GetMethod, info.DisposeMethod);
        if (syntax is ForEachVariableStatementSyntax variables)
            found = found.Concat(DeconstructionMethods(model.GetDeconstructionInfo(variables), "a foreach deconstruction"));
        // The element conversion may be user-defined.
        return found.Concat(Methods(construct, info.ElementConversion.MethodSymbol, info.CurrentConversion.MethodSymbol));
    }

    private static IEnumerable<(IMethodSymbol, string)> Await(IAwaitOperation await)
    {
        if (await.SemanticModel is not { } model || await.Syntax is not AwaitExpressionSyntax syntax)
            return Lookup(await.Operation, "an await", "GetAwaiter");
        var info = model.GetAwaitExpressionInfo(syntax);
        return Methods("an await", info.GetAwaiterMethod, info.GetResultMethod, info.IsCompletedProperty?.GetMethod);
    }

    private static IEnumerable<(IMethodSymbol, string)> Disposal(IOperation resources, bool isAsynchronous)
    {
        var construct = isAsynchronous ? "an 'await using'" : "a using";
        var values = resources switch
        {
            IVariableDeclarationGroupOperation group => group.Declarations.SelectMany(d => d.Declarators).Select(d => (IOperation?)d.Initializer?.Value),
            _ => new[] { (IOperation?)resources },
        };
        return values.SelectMany(v => Lookup(v, construct, "Dispose", "DisposeAsync"));
    }

    private static IEnumerable<(IMethodSymbol, string)> Deconstruction(IDeconstructionAssignmentOperation deconstruction)
    {
        if (deconstruction.SemanticModel is not { } model || deconstruction.Syntax is not AssignmentExpressionSyntax syntax)
            return Lookup(deconstruction.Value, "a deconstruction", "Deconstruct");
        return DeconstructionMethods(model.GetDeconstructionInfo(syntax), "a deconstruction");
    }

    private static IEnumerable<(IMethodSymbol, string)> DeconstructionMethods(DeconstructionInfo info, string construct)
    {
        if (info.Method is { } method)
            yield return (method, construct);
        if (info.Conversion?.MethodSymbol is { } conversion)
            yield return (conversion, construct);
        foreach (var nested in info.Nested)
        {
            foreach (var found in DeconstructionMethods(nested, construct))
                yield return found;
        }
    }

    private static IEnumerable<(IMethodSymbol, string)> Collection(ICollectionExpressionOperation collection)
    {
        var found = Methods("a collection expression", collection.ConstructMethod);
        // The compiler does not expose the Add calls of a collection expression: any Add it could bind.
        if (collection.Type is { TypeKind: not TypeKind.Array } type && collection.Elements.Length > 0)
            found = found.Concat(LookupOnType(type, collection, "a collection expression", "Add", "AddRange"));
        return found;
    }

    private static IEnumerable<(IMethodSymbol, string)> Enumeration(IOperation? collection, string construct)
    {
        var enumerators = Lookup(collection, construct, "GetEnumerator", "GetAsyncEnumerator").ToList();
        return enumerators.Concat(enumerators.Where(e => !e.Item1.ReturnsVoid)
            .SelectMany(e => LookupOnType(e.Item1.ReturnType, collection!, construct, s_enumeratorMembers)));
    }

    // A user-defined && or || also calls operator true or false, which the operation does not expose.
    private static IEnumerable<(IMethodSymbol, string)> ShortCircuit(IBinaryOperation binary) =>
        binary.OperatorKind is BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr && binary.OperatorMethod?.ContainingType is { } type
            ? type.GetMembers("op_True").Concat(type.GetMembers("op_False")).OfType<IMethodSymbol>().Select(m => (m, "an operator"))
            : [];

    private static IEnumerable<(IMethodSymbol, string)> StringConversions(IBinaryOperation binary)
    {
        if (binary.OperatorKind != BinaryOperatorKind.Add || binary.Type?.SpecialType != SpecialType.System_String || binary.OperatorMethod is not null
            && binary.OperatorMethod.ContainingType?.SpecialType != SpecialType.System_String)
            return [];
        return ToStringOf(Operations.WithoutConversions(binary.LeftOperand)?.Type, "a string concatenation")
            .Concat(ToStringOf(Operations.WithoutConversions(binary.RightOperand)?.Type, "a string concatenation"));
    }

    // The ToString the runtime dispatches to for a value of this static type (an override in a derived type is
    // a dispatch rule the generator checks at the declaration).
    private static IEnumerable<(IMethodSymbol, string)> ToStringOf(ITypeSymbol? type, string construct)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var method in current.GetMembers("ToString").OfType<IMethodSymbol>())
            {
                if (method.Parameters.Length == 0)
                    return [(method, construct)];
            }
        }
        return [];
    }

    private static IEnumerable<(IMethodSymbol, string)> TupleOperators(ITupleBinaryOperation tuple)
    {
        var names = new[] { "op_Equality", "op_Inequality", "op_True", "op_False", "op_LogicalNot", "op_Implicit", "op_Explicit" };
        return ElementTypes(tuple.LeftOperand.Type).Concat(ElementTypes(tuple.RightOperand.Type))
            .SelectMany(t => names.SelectMany(n => t.GetMembers(n).OfType<IMethodSymbol>()))
            .Select(m => (m, "a tuple comparison"));
    }

    private static IEnumerable<ITypeSymbol> ElementTypes(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { IsTupleType: true } tuple)
            return tuple.TupleElements.SelectMany(e => ElementTypes(e.Type).Append(e.Type));
        return type is null ? [] : [type];
    }

    private static IEnumerable<(IMethodSymbol, string)> Lookup(IOperation? value, string construct, params string[] names) =>
        value?.Type is { } type ? LookupOnType(type, value, construct, names) : [];

    // Members and extension methods of these names that the pattern could bind at this position.
    private static IEnumerable<(IMethodSymbol, string)> LookupOnType(ITypeSymbol type, IOperation at, string construct, params string[] names)
    {
        var model = at.SemanticModel;
        foreach (var name in names)
        {
            var symbols = model is null
                ? type.GetMembers(name)
                : model.LookupSymbols(at.Syntax.SpanStart, type, name, includeReducedExtensionMethods: true);
            foreach (var member in symbols)
            {
                foreach (var found in Members(construct, member))
                    yield return found;
            }
            // Interface implementations the pattern reaches through IDisposable, IEnumerable and the like.
            foreach (var @interface in type.AllInterfaces)
            {
                foreach (var member in @interface.GetMembers(name))
                {
                    if (type.FindImplementationForInterfaceMember(member) is { } implementation)
                    {
                        foreach (var found in Members(construct, implementation))
                            yield return found;
                    }
                }
            }
        }
    }

    // Operations Roslyn does not model yet (OperationKind.None, e.g. 'fixed' in some versions): whatever the
    // syntax binds to, and the pinnable reference of a fixed statement.
    private static IEnumerable<(IMethodSymbol, string)> Unclassified(IOperation operation, CancellationToken cancellationToken)
    {
        var model = operation.SemanticModel;
        if (model is null)
            yield break;
        if (operation.Syntax is FixedStatementSyntax @fixed)
        {
            foreach (var variable in @fixed.Declaration.Variables)
            {
                if (variable.Initializer?.Value is { } value && model.GetTypeInfo(value, cancellationToken).Type is { } type)
                {
                    foreach (var member in model.LookupSymbols(value.SpanStart, type, "GetPinnableReference", includeReducedExtensionMethods: true))
                    {
                        if (member is IMethodSymbol method)
                            yield return (method, "a fixed statement");
                    }
                }
            }
        }
        var info = model.GetSymbolInfo(operation.Syntax, cancellationToken);
        foreach (var symbol in info.CandidateSymbols.Prepend(info.Symbol))
        {
            foreach (var found in Members("a construct the check does not model (" + operation.Syntax.Kind() + ")", symbol))
                yield return found;
        }
    }
}
