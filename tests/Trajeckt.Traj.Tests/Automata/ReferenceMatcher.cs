using Trajeckt.Traj.Automata;
using Trajeckt.Traj.Syntax;

namespace Trajeckt.Traj.Tests.PlanAutomata;

/// <summary>
/// The test oracle: decides acceptance and prefix viability by direct recursion over the regex, with no
/// automaton at all, so that it shares no code or idea with the builder beyond the regex model.
/// </summary>
internal sealed class ReferenceMatcher
{
    private readonly PlanRegex _root;
    private readonly int _toolCount;

    public ReferenceMatcher(IReadOnlyList<PlanRegex> plans, int toolCount)
    {
        _root = plans.Count == 0 ? PlanRegex.Star(PlanRegex.Any) : PlanRegex.Alternation(plans.ToArray());
        _toolCount = toolCount;
    }

    /// <summary>Whether the plans accept exactly <paramref name="word"/>.</summary>
    public bool Accepts(int[] word) => Ends(_root, word, 0).Contains(word.Length);

    /// <summary>Whether <paramref name="word"/> can still be extended to a word the plans accept.</summary>
    public bool IsViablePrefix(int[] word) => Viable(_root, word, 0);

    /// <summary>Whether the plans accept any word at all.</summary>
    public bool IsNonEmpty => NonEmpty(_root);

    // The positions j such that word[i..j) is in the language of r.
    private HashSet<int> Ends(PlanRegex r, int[] word, int i)
    {
        switch (r)
        {
            case PlanSymbol symbol:
                return i < word.Length && word[i] == symbol.Tool ? new HashSet<int> { i + 1 } : new HashSet<int>();
            case PlanAny:
                return i < word.Length && word[i] < _toolCount ? new HashSet<int> { i + 1 } : new HashSet<int>();
            case PlanSequence sequence:
            {
                var current = new HashSet<int> { i };
                foreach (var item in sequence.Items)
                    current = new HashSet<int>(current.SelectMany(j => Ends(item, word, j)));
                return current;
            }
            case PlanAlternation alternation:
                return new HashSet<int>(alternation.Alternatives.SelectMany(a => Ends(a, word, i)));
            case PlanRepeat { Kind: PlanRepeatKind.Optional } optional:
                return new HashSet<int>(Ends(optional.Operand, word, i)) { i };
            case PlanRepeat { Kind: PlanRepeatKind.ZeroOrMore } star:
                return StarEnds(star.Operand, word, new HashSet<int> { i });
            case PlanRepeat plus:
                return StarEnds(plus.Operand, word, Ends(plus.Operand, word, i));
            default:
                throw new InvalidOperationException(r.GetType().Name);
        }
    }

    private HashSet<int> StarEnds(PlanRegex operand, int[] word, HashSet<int> from)
    {
        var result = new HashSet<int>(from);
        var frontier = new Queue<int>(from);
        while (frontier.Count > 0)
        {
            foreach (var j in Ends(operand, word, frontier.Dequeue()))
            {
                if (result.Add(j))
                    frontier.Enqueue(j);
            }
        }
        return result;
    }

    // Whether word[i..) is a prefix of some word in the language of r.
    private bool Viable(PlanRegex r, int[] word, int i)
    {
        var rest = word.Length - i;
        switch (r)
        {
            case PlanSymbol symbol:
                return rest == 0 || (rest == 1 && word[i] == symbol.Tool);
            case PlanAny:
                return _toolCount > 0 && rest <= 1;
            case PlanSequence sequence:
                return ViableSequence(sequence.Items, 0, word, i);
            case PlanAlternation alternation:
                return alternation.Alternatives.Any(a => Viable(a, word, i));
            case PlanRepeat { Kind: PlanRepeatKind.Optional } optional:
                return rest == 0 || Viable(optional.Operand, word, i);
            case PlanRepeat { Kind: PlanRepeatKind.ZeroOrMore } star:
                return StarEnds(star.Operand, word, new HashSet<int> { i }).Any(j => j == word.Length || Viable(star.Operand, word, j));
            case PlanRepeat plus:
                return ViableSequence(new[] { plus.Operand, PlanRegex.Star(plus.Operand) }, 0, word, i);
            default:
                throw new InvalidOperationException(r.GetType().Name);
        }
    }

    private bool ViableSequence(IReadOnlyList<PlanRegex> items, int index, int[] word, int i)
    {
        if (index == items.Count)
            return i == word.Length;
        var item = items[index];
        var restNonEmpty = items.Skip(index + 1).All(NonEmpty);
        if (restNonEmpty && Viable(item, word, i))
            return true;
        return Ends(item, word, i).Any(j => ViableSequence(items, index + 1, word, j));
    }

    private bool NonEmpty(PlanRegex r) => r switch
    {
        PlanSymbol => true,
        PlanAny => _toolCount > 0,
        PlanSequence sequence => sequence.Items.All(NonEmpty),
        PlanAlternation alternation => alternation.Alternatives.Any(NonEmpty),
        PlanRepeat { Kind: PlanRepeatKind.OneOrMore } plus => NonEmpty(plus.Operand),
        PlanRepeat => true,
        _ => throw new InvalidOperationException(r.GetType().Name),
    };
}
