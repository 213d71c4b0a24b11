using Trajeckt.Traj.Automata;
using Trajeckt.Traj.Syntax;

namespace Trajeckt.Traj.Semantics;

/// <summary>Turns plan syntax into <see cref="PlanRegex"/> over tool indices, reporting unknown tools.</summary>
internal static class PlanTranslator
{
    /// <summary>The translation, or <see langword="null"/> when a name is not a declared tool (each one is reported).</summary>
    public static PlanRegex? Translate(PlanExpressionSyntax expression, IReadOnlyDictionary<string, int> toolIndex, DiagnosticSink sink)
    {
        switch (expression)
        {
            case PlanToolSyntax tool:
                if (toolIndex.TryGetValue(tool.Name.Value, out var index))
                    return PlanRegex.Symbol(index);
                sink.Error(SemanticDiagnosticCodes.UnknownTool, tool.Name.Span, $"the plan names '{tool.Name.Value}', which is not a declared tool");
                return null;
            case PlanWildcardSyntax:
                return PlanRegex.Any;
            case PlanGroupSyntax group:
                return Translate(group.Inner, toolIndex, sink);
            case PlanRepeatSyntax repeat:
                var operand = Translate(repeat.Operand, toolIndex, sink);
                return operand is null ? null : PlanRegex.Repeat(operand, repeat.Kind);
            case PlanSequenceSyntax sequence:
                var items = TranslateAll(sequence.Items, toolIndex, sink);
                return items is null ? null : PlanRegex.Sequence(items);
            case PlanAlternationSyntax alternation:
                var alternatives = TranslateAll(alternation.Alternatives, toolIndex, sink);
                return alternatives is null ? null : PlanRegex.Alternation(alternatives);
            default:
                throw new InvalidOperationException("Unexpected plan node " + expression.GetType().Name);
        }
    }

    private static PlanRegex[]? TranslateAll(IReadOnlyList<PlanExpressionSyntax> parts, IReadOnlyDictionary<string, int> toolIndex, DiagnosticSink sink)
    {
        // Translate every part, even after a failure, so that every unknown tool is reported.
        var result = new PlanRegex[parts.Count];
        var ok = true;
        for (var i = 0; i < parts.Count; i++)
        {
            var part = Translate(parts[i], toolIndex, sink);
            if (part is null)
                ok = false;
            else
                result[i] = part;
        }
        return ok ? result : null;
    }
}
