using System.Text;

namespace Trajeckt.Traj.Syntax;

// Writes a plan with minimal spaces: "a (b | c)* d?". Groups are written where the tree has them; a
// tree the parser could not have produced (an alternation directly inside a sequence, say) gets the
// parentheses its meaning needs, so the text never says something other than the tree.
internal static class PlanFormatter
{
    // How tightly an expression binds, loosest first.
    private enum Precedence
    {
        Alternation,
        Sequence,
        Postfix,
    }

    public static void Write(StringBuilder output, PlanExpressionSyntax expression) => Write(output, expression, Precedence.Alternation);

    // Writes an expression where the surrounding operator needs at least 'needed'.
    private static void Write(StringBuilder output, PlanExpressionSyntax expression, Precedence needed)
    {
        if (PrecedenceOf(expression) < needed)
        {
            output.Append('(');
            Write(output, expression, Precedence.Alternation);
            output.Append(')');
            return;
        }
        switch (expression)
        {
            case PlanToolSyntax tool:
                output.Append(TrajFormatter.FormatName(tool.Name));
                break;
            case PlanWildcardSyntax:
                output.Append('_');
                break;
            case PlanGroupSyntax group:
                output.Append('(');
                Write(output, group.Inner, Precedence.Alternation);
                output.Append(')');
                break;
            case PlanRepeatSyntax repeat:
                Write(output, repeat.Operand, Precedence.Postfix);
                // "a/" followed by "*" would lex as "a" and a block comment.
                if (repeat.Kind == PlanRepeatKind.ZeroOrMore && output[output.Length - 1] == '/')
                    output.Append(' ');
                output.Append(repeat.Kind switch
                {
                    PlanRepeatKind.ZeroOrMore => '*',
                    PlanRepeatKind.OneOrMore => '+',
                    PlanRepeatKind.Optional => '?',
                    _ => throw new ArgumentException($"Unknown repetition {repeat.Kind}.", nameof(expression)),
                });
                break;
            case PlanSequenceSyntax sequence:
                WriteList(output, sequence.Items, " ", Precedence.Postfix, needed);
                break;
            case PlanAlternationSyntax alternation:
                WriteList(output, alternation.Alternatives, " | ", Precedence.Sequence, needed);
                break;
            default:
                throw new ArgumentException($"Unknown plan node {expression.GetType().Name}.", nameof(expression));
        }
    }

    private static void WriteList(StringBuilder output, IReadOnlyList<PlanExpressionSyntax> items, string separator, Precedence itemNeeds, Precedence needed)
    {
        if (items.Count == 1)
        {
            Write(output, items[0], needed);
            return;
        }
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
                output.Append(separator);
            Write(output, items[i], itemNeeds);
        }
    }

    private static Precedence PrecedenceOf(PlanExpressionSyntax expression) => expression switch
    {
        PlanSequenceSyntax sequence => ListPrecedence(sequence.Items, Precedence.Sequence),
        PlanAlternationSyntax alternation => ListPrecedence(alternation.Alternatives, Precedence.Alternation),
        _ => Precedence.Postfix,
    };

    private static Precedence ListPrecedence(IReadOnlyList<PlanExpressionSyntax> items, Precedence own) => items.Count switch
    {
        0 => throw new ArgumentException("A plan sequence or alternation needs at least one item.", nameof(items)),
        1 => PrecedenceOf(items[0]),
        _ => own,
    };
}
