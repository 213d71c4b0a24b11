using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Trajeckt.Analyzers;

/// <summary>
/// Checks how tools are declared: a tool with no effect at all (TRJ2005), effect attributes where they do
/// nothing (TRJ2006), and an override or implementation that declares a tool differently from the method it
/// overrides (TRJ2007). Invalid names and a [SensitiveRead] without labels are the generator's TRJ1003.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ToolDeclarationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.ToolWithoutEffects, Descriptors.EffectOnNonTool, Descriptors.ConflictingToolDeclaration);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        TrajecktAnalysis.OnTrajecktCompilation(context, (start, symbols) =>
        {
            var policyTools = new System.Lazy<ImmutableHashSet<string>>(() => PolicyToolNames.Read(start.Options.AdditionalFiles, start.CancellationToken));
            start.RegisterSymbolAction(c => Guard.Run(() => AnalyzeMethod(c, symbols, policyTools)), SymbolKind.Method);
        });
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, TrajecktSymbols symbols, System.Lazy<ImmutableHashSet<string>> policyTools)
    {
        var method = (IMethodSymbol)context.Symbol;
        var toolAttribute = method.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, symbols.ToolAttribute));
        var effects = method.GetAttributes().Where(a => symbols.IsEffectAttribute(a.AttributeClass))
            .Concat(method.Parameters.SelectMany(p => p.GetAttributes()).Where(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, symbols.OriginAttribute)))
            .ToList();

        if (InheritedDeclaration(method, symbols) is { } inherited)
        {
            if ((toolAttribute is not null || effects.Count > 0) && Signature(method, symbols) != Signature(inherited, symbols))
            {
                var own = toolAttribute is not null ? "a [Tool] of its own" : "effect attributes of its own";
                symbols.TryGetTool(inherited, out var inheritedName);
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.ConflictingToolDeclaration, method.Locations.FirstOrDefault(),
                    method.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat), inheritedName, own,
                    inherited.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)));
            }
            return;
        }

        if (toolAttribute is null)
        {
            foreach (var effect in effects)
            {
                if (effect.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is { } syntax)
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.EffectOnNonTool, syntax.GetLocation(),
                        effect.AttributeClass!.Name.Replace("Attribute", ""), method.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)));
            }
            return;
        }

        if (effects.Count == 0 && symbols.TryGetTool(method, out var name) && !policyTools.Value.Contains(name))
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ToolWithoutEffects, method.Locations.FirstOrDefault(), name));
    }

    /// <summary>The method with its own [Tool] that <paramref name="method"/> overrides or implements, if any.</summary>
    private static IMethodSymbol? InheritedDeclaration(IMethodSymbol method, TrajecktSymbols symbols)
    {
        for (var current = method.OverriddenMethod; current is not null; current = current.OverriddenMethod)
        {
            if (DeclaresTool(current, symbols))
                return current;
        }
        if (method.IsStatic || method.ContainingType is not { } type)
            return null;
        foreach (var candidate in type.AllInterfaces.SelectMany(i => i.GetMembers(method.Name)).OfType<IMethodSymbol>())
        {
            if (DeclaresTool(candidate, symbols)
                && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(candidate), method))
                return candidate;
        }
        return null;
    }

    private static bool DeclaresTool(IMethodSymbol method, TrajecktSymbols symbols) =>
        method.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, symbols.ToolAttribute));

    // What a declaration says: its tool name and its effect attributes, in a canonical order.
    private static string Signature(IMethodSymbol method, TrajecktSymbols symbols)
    {
        var name = symbols.TryGetTool(method, out var tool) && DeclaresTool(method, symbols) ? tool : "";
        var attributes = method.GetAttributes().Where(a => symbols.IsEffectAttribute(a.AttributeClass)).Select(a => a.ToString())
            .Concat(method.Parameters.SelectMany(p => p.GetAttributes()).Where(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, symbols.OriginAttribute)).Select(a => a.ToString()))
            .OrderBy(a => a, System.StringComparer.Ordinal);
        return name + "|" + string.Join("|", attributes);
    }
}
