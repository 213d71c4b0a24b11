using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Trajeckt.Analyzers.Mediation;

/// <summary>
/// How the check treats every kind of operation. A kind is either <see cref="Modeled"/> (the check knows
/// which methods it calls), checked <see cref="Elsewhere"/>, or <see cref="MethodFree"/> (it never calls a
/// user method itself; its children are operations of their own). Every kind outside these lists, e.g. one
/// a newer Roslyn adds, is still checked by what its syntax binds to; a test keeps the lists complete.
/// (The obsolete CollectionElementInitializer kind is never produced: element initializers are invocations.)
/// </summary>
internal static class MediatedOperations
{
    public static readonly ImmutableHashSet<OperationKind> Modeled = ImmutableHashSet.Create(
        OperationKind.PropertyReference, OperationKind.EventReference, OperationKind.ObjectCreation,
        OperationKind.Unary, OperationKind.Binary, OperationKind.Increment, OperationKind.Decrement,
        OperationKind.CompoundAssignment, OperationKind.Conversion, OperationKind.Coalesce,
        OperationKind.Loop, OperationKind.Await, OperationKind.Using, OperationKind.UsingDeclaration,
        OperationKind.DeconstructionAssignment, OperationKind.RecursivePattern, OperationKind.ListPattern,
        OperationKind.SlicePattern, OperationKind.ImplicitIndexerReference, OperationKind.Range, OperationKind.With,
        OperationKind.CollectionExpression, OperationKind.Spread, OperationKind.Interpolation, OperationKind.Lock,
        OperationKind.TupleBinary, OperationKind.InterpolatedStringAppendLiteral, OperationKind.InterpolatedStringAppendFormatted,
        OperationKind.InterpolatedStringAppendInvalid, OperationKind.None);

    /// <summary>Invocations (this check's own path), method references (TRJ2001) and dynamic binding (TRJ2002).</summary>
    public static readonly ImmutableHashSet<OperationKind> Elsewhere = ImmutableHashSet.Create(
        OperationKind.Invocation, OperationKind.MethodReference, OperationKind.DynamicInvocation, OperationKind.DynamicMemberReference,
        OperationKind.DynamicIndexerAccess, OperationKind.DynamicObjectCreation);

    public static readonly ImmutableHashSet<OperationKind> MethodFree = ImmutableHashSet.Create(
        // statements and structure: their expressions are operations of their own
        OperationKind.Invalid, OperationKind.Block, OperationKind.VariableDeclarationGroup, OperationKind.Switch, OperationKind.Labeled,
        OperationKind.Branch, OperationKind.Empty, OperationKind.Return, OperationKind.YieldBreak, OperationKind.YieldReturn, OperationKind.Try,
        OperationKind.ExpressionStatement, OperationKind.LocalFunction, OperationKind.Stop, OperationKind.End, OperationKind.Throw,
        OperationKind.CatchClause, OperationKind.SwitchCase, OperationKind.CaseClause, OperationKind.MethodBody, OperationKind.ConstructorBody,
        OperationKind.VariableDeclarator, OperationKind.VariableDeclaration, OperationKind.FieldInitializer, OperationKind.VariableInitializer,
        OperationKind.PropertyInitializer, OperationKind.ParameterInitializer, OperationKind.ReDim, OperationKind.ReDimClause,
        // an argument's user-defined conversion is a Conversion operation of its value in C# (In/OutConversion are Visual Basic's)
        OperationKind.Argument,
        // values and references to data
        OperationKind.Literal, OperationKind.ArrayElementReference, OperationKind.LocalReference, OperationKind.ParameterReference,
        OperationKind.FieldReference, OperationKind.InstanceReference, OperationKind.DefaultValue, OperationKind.TypeOf, OperationKind.SizeOf,
        OperationKind.Discard, OperationKind.DeclarationExpression, OperationKind.OmittedArgument, OperationKind.Utf8String,
        OperationKind.InlineArrayAccess, OperationKind.ArrayCreation, OperationKind.ArrayInitializer, OperationKind.Tuple,
        OperationKind.AnonymousObjectCreation, OperationKind.TypeParameterObjectCreation, OperationKind.InterpolatedStringHandlerArgumentPlaceholder,
        OperationKind.ConditionalAccessInstance, OperationKind.NameOf, OperationKind.InterpolatedStringText,
        // built-in operators and control flow of expressions (user-defined operators are Unary/Binary/Conversion)
        OperationKind.Conditional, OperationKind.ConditionalAccess, OperationKind.SimpleAssignment, OperationKind.CoalesceAssignment,
        OperationKind.Parenthesized, OperationKind.IsType, OperationKind.AddressOf, OperationKind.IsPattern, OperationKind.SwitchExpression,
        OperationKind.SwitchExpressionArm, OperationKind.EventAssignment, OperationKind.RaiseEvent, OperationKind.AnonymousFunction,
        OperationKind.DelegateCreation, OperationKind.FunctionPointerInvocation, OperationKind.TranslatedQuery,
        OperationKind.ObjectOrCollectionInitializer, OperationKind.MemberInitializer,
        OperationKind.InterpolatedString, OperationKind.InterpolatedStringHandlerCreation, OperationKind.InterpolatedStringAddition,
        OperationKind.Attribute,
        // patterns without a member of their own (property subpatterns hold property references)
        OperationKind.ConstantPattern, OperationKind.DeclarationPattern, OperationKind.DiscardPattern, OperationKind.PropertySubpattern,
        OperationKind.NegatedPattern, OperationKind.BinaryPattern, OperationKind.TypePattern, OperationKind.RelationalPattern,
        // only in control flow graphs, never in the operation trees analyzers see
        OperationKind.FlowCapture, OperationKind.FlowCaptureReference, OperationKind.IsNull, OperationKind.CaughtException,
        OperationKind.StaticLocalInitializationSemaphore, OperationKind.FlowAnonymousFunction);

    /// <summary>The kinds this check registers for besides invocations: everything that is not method-free or checked elsewhere.</summary>
    public static readonly ImmutableArray<OperationKind> Implicit = Enum.GetValues(typeof(OperationKind)).Cast<OperationKind>()
        .Where(k => !MethodFree.Contains(k) && !Elsewhere.Contains(k)).Distinct().ToImmutableArray();
}
