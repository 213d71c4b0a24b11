using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace Trajeckt.Analyzers.CodeFixes;

/// <summary>
/// TRJ2005: offers the effect attributes that need no further input, one code action each; which one is
/// right is the developer's choice. Labels for <c>[SensitiveRead]</c> need a human and are not offered.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ToolEffectsCodeFix)), Shared]
public sealed class ToolEffectsCodeFix : CodeFixProvider
{
    private static readonly (string Title, string Name, string? Arguments)[] s_choices =
    {
        ("Keep the default effects: add [Origin(Trust.ToolOutput)]", "global::Trajeckt.Origin", "(global::Trajeckt.Trust.ToolOutput)"),
        ("It sends data out: add [Sink(SinkKind.External)]", "global::Trajeckt.Sink", "(global::Trajeckt.SinkKind.External)"),
        ("It steers the agent later: add [Sink(SinkKind.Control)]", "global::Trajeckt.Sink", "(global::Trajeckt.SinkKind.Control)"),
        ("It opens network connections: add [NetworkEgress]", "global::Trajeckt.NetworkEgress", null),
        ("It runs commands: add [ShellExec]", "global::Trajeckt.ShellExec", null),
    };

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.ToolWithoutEffects.Id);

    /// <inheritdoc/>
    public override FixAllProvider? GetFixAllProvider() => null; // each tool needs its own choice

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var method = root?.FindNode(context.Span).FirstAncestorOrSelf<MethodDeclarationSyntax>();
        if (root is null || method is null)
            return;
        foreach (var (title, name, arguments) in s_choices)
        {
            var attribute = SyntaxFactory.Attribute(SyntaxFactory.ParseName(name), arguments is null ? null : SyntaxFactory.ParseAttributeArgumentList(arguments));
            context.RegisterCodeFix(
                CodeAction.Create(title, _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(method, WithAttribute(method, attribute)))), equivalenceKey: title),
                context.Diagnostics);
        }
    }

    private static MethodDeclarationSyntax WithAttribute(MethodDeclarationSyntax method, AttributeSyntax attribute)
    {
        // Added to the list that holds [Tool], so the declaration reads [Tool("x"), Sink(...)].
        var list = method.AttributeLists[0];
        return method.ReplaceNode(list, list.AddAttributes(attribute.WithAdditionalAnnotations(Simplifier.Annotation)));
    }
}
