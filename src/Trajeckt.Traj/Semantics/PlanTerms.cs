using Trajeckt.Traj.Syntax;

namespace Trajeckt.Traj.Semantics;

/// <summary>
/// Counts the tool names and wildcards of a trajectory's plans, the measure of plan size: the automaton
/// construction is linear in it before its own bounds apply, so it is bounded first (TRJ0158).
/// </summary>
internal static class PlanTerms
{
    /// <summary>Whether the plans hold at most <paramref name="limit"/> terms; if not, reports the first one past it.</summary>
    public static bool WithinLimit(IReadOnlyList<PlanStatementSyntax> plans, int limit, DiagnosticSink sink)
    {
        var count = 0;
        // Without recursion: a plan may nest as deeply as the parser allows.
        var pending = new Stack<PlanExpressionSyntax>();
        foreach (var plan in plans)
        {
            pending.Push(plan.Expression);
            while (pending.Count > 0)
            {
                switch (pending.Pop())
                {
                    case PlanToolSyntax or PlanWildcardSyntax:
                        // Items are visited in reverse order; a count over the limit is over it either way.
                        if (++count > limit)
                        {
                            sink.Error(SemanticDiagnosticCodes.PlanTooLong, plan.Span,
                                $"the plans of a trajectory may name at most {limit} tools and wildcards in all; this plan brings them past it");
                            return false;
                        }
                        break;
                    case PlanGroupSyntax group:
                        pending.Push(group.Inner);
                        break;
                    case PlanRepeatSyntax repeat:
                        pending.Push(repeat.Operand);
                        break;
                    case PlanSequenceSyntax sequence:
                        foreach (var item in sequence.Items)
                            pending.Push(item);
                        break;
                    case PlanAlternationSyntax alternation:
                        foreach (var alternative in alternation.Alternatives)
                            pending.Push(alternative);
                        break;
                }
            }
        }
        return true;
    }
}
