using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Trajeckt.Analyzers.CodeFixes;

/// <summary>
/// TRJ2004: replaces a lambda that only forwards its parameters to a tool by the tool's method group, so
/// that <c>AIFunctionFactory.Create</c> is the registration the generator gates.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LambdaRegistrationCodeFix)), Shared]
public sealed class LambdaRegistrationCodeFix : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.LambdaRegistration.Id);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
            return;
        var function = root.FindNode(context.Span, getInnermostNodeForTie: true).FirstAncestorOrSelf<AnonymousFunctionExpressionSyntax>();
        if (function is null || ForwardedMethodGroup(function, model, context.CancellationToken) is not { } methodGroup)
            return;
        context.RegisterCodeFix(
            CodeAction.Create(
                "Register the tool's method group (gated)",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(function, methodGroup.WithTriviaFrom(function)))),
                equivalenceKey: nameof(LambdaRegistrationCodeFix)),
            context.Diagnostics);
    }

    /// <summary>The method group the lambda forwards to, when its body is one call of it with exactly its parameters, in order.</summary>
    private static ExpressionSyntax? ForwardedMethodGroup(AnonymousFunctionExpressionSyntax function, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetOperation(function, cancellationToken) is not IAnonymousFunctionOperation operation)
            return null;
        var statements = operation.Body.Operations.Where(o => !o.IsImplicit || o is IReturnOperation).ToList();
        if (statements.Count != 1)
            return null;
        var value = statements[0] switch
        {
            IReturnOperation { ReturnedValue: { } returned } => returned,
            IExpressionStatementOperation statement => statement.Operation,
            _ => null,
        };
        if (value is not IInvocationOperation invocation || invocation.Syntax is not InvocationExpressionSyntax syntax)
            return null;
        var parameters = operation.Symbol.Parameters;
        if (invocation.Arguments.Length != parameters.Length)
            return null;
        for (var i = 0; i < parameters.Length; i++)
        {
            if (invocation.Arguments[i].Value is not IParameterReferenceOperation reference
                || !SymbolEqualityComparer.Default.Equals(reference.Parameter, parameters[i])
                || invocation.Arguments[i].Parameter?.Ordinal != i)
                return null;
        }
        // The receiver must not depend on the lambda's parameters (it is evaluated once, at registration).
        if (invocation.Instance is { } instance && instance.DescendantsAndSelf().Any(o => o is IParameterReferenceOperation p && parameters.Contains(p.Parameter, SymbolEqualityComparer.Default)))
            return null;
        return syntax.Expression;
    }
}
