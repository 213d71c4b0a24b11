using System.Text;
using Trajeckt.Traj.Syntax;

namespace Trajeckt.Traj.Learning;

/// <summary>
/// A plan expression built by state elimination, simplified as it is built so that the printed plan
/// stays readable. Every simplification preserves the language exactly; the printed text is also the
/// node's identity (<see cref="Key"/>), so equal expressions are found by comparing text.
/// </summary>
internal abstract class LearnedRegex
{
    private string? _key;

    /// <summary>The empty word (prints as nothing; only ever kept inside <c>?</c> or at the top).</summary>
    public static LearnedRegex Epsilon { get; } = new EpsilonNode();

    /// <summary>Whether the expression matches the empty word.</summary>
    public abstract bool IsNullable { get; }

    /// <summary>The plan text, in the canonical layout of <c>trajeckt fmt</c>.</summary>
    public string Key => _key ??= Print();

    public static LearnedRegex Tool(string name) => new ToolNode(name);

    /// <summary>The sequence of the items, with empty words dropped and <c>x x*</c> written <c>x+</c>.</summary>
    public static LearnedRegex Sequence(params LearnedRegex[] items)
    {
        var flat = new List<LearnedRegex>();
        foreach (var item in items)
        {
            if (item is SequenceNode sequence)
                flat.AddRange(sequence.Items);
            else if (item is not EpsilonNode)
                flat.Add(item);
        }
        for (var i = 0; i + 1 < flat.Count; i++)
        {
            var (left, right) = (flat[i], flat[i + 1]);
            LearnedRegex? joined = null;
            if (right is StarNode rightStar && rightStar.Operand.Key == left.Key)
                joined = Plus(left);
            else if (left is StarNode leftStar && leftStar.Operand.Key == right.Key)
                joined = Plus(right);
            else if (left is StarNode a && right is StarNode b && a.Key == b.Key)
                joined = left;
            if (joined is null)
                continue;
            flat[i] = joined;
            flat.RemoveAt(i + 1);
            i = Math.Max(-1, i - 2);
        }
        return flat.Count switch
        {
            0 => Epsilon,
            1 => flat[0],
            _ => new SequenceNode(flat),
        };
    }

    /// <summary>
    /// The union of the alternatives: duplicates dropped, common first and last items factored out,
    /// alternatives in ordinal order of their text, and an empty alternative written as <c>?</c>.
    /// </summary>
    public static LearnedRegex Alternation(params LearnedRegex[] alternatives)
    {
        var unique = new SortedDictionary<string, LearnedRegex>(StringComparer.Ordinal);
        var hasEpsilon = false;
        foreach (var alternative in alternatives)
        {
            if (alternative is AlternationNode alternation)
            {
                foreach (var item in alternation.Items)
                    unique[item.Key] = item;
            }
            else if (alternative is OptionalNode optional)
            {
                hasEpsilon = true;
                Add(unique, optional.Operand);
            }
            else if (alternative is EpsilonNode)
            {
                hasEpsilon = true;
            }
            else
            {
                unique[alternative.Key] = alternative;
            }
        }
        var items = Factor(unique.Values.ToList());
        var body = items.Count switch
        {
            0 => Epsilon,
            1 => items[0],
            _ => new AlternationNode(items),
        };
        return hasEpsilon ? Optional(body) : body;
    }

    public static LearnedRegex Star(LearnedRegex operand) => operand switch
    {
        EpsilonNode => Epsilon,
        StarNode => operand,
        PlusNode plus => new StarNode(plus.Operand),
        OptionalNode optional => Star(optional.Operand),
        _ => new StarNode(operand),
    };

    public static LearnedRegex Plus(LearnedRegex operand) => operand switch
    {
        EpsilonNode or StarNode or PlusNode => operand,
        _ when operand.IsNullable => Star(operand),
        _ => new PlusNode(operand),
    };

    public static LearnedRegex Optional(LearnedRegex operand) => operand.IsNullable ? operand : new OptionalNode(operand);

    private static void Add(SortedDictionary<string, LearnedRegex> unique, LearnedRegex item)
    {
        if (item is AlternationNode alternation)
        {
            foreach (var inner in alternation.Items)
                unique[inner.Key] = inner;
        }
        else
        {
            unique[item.Key] = item;
        }
    }

    // a b | a c  ->  a (b | c), then  b a | c a  ->  (b | c) a: same language, fewer repeated names.
    private static List<LearnedRegex> Factor(List<LearnedRegex> items)
    {
        var prefixed = FactorEnd(items, first: true);
        return FactorEnd(prefixed, first: false);
    }

    private static List<LearnedRegex> FactorEnd(List<LearnedRegex> items, bool first)
    {
        if (items.Count < 2)
            return items;
        var groups = new SortedDictionary<string, List<LearnedRegex>>(StringComparer.Ordinal);
        var ends = new Dictionary<string, LearnedRegex>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var end = EndOf(item, first);
            if (!groups.TryGetValue(end.Key, out var group))
                groups.Add(end.Key, group = new List<LearnedRegex>());
            group.Add(item);
            ends[end.Key] = end;
        }
        if (groups.Count == items.Count)
            return items;
        var result = new List<LearnedRegex>();
        foreach (var pair in groups)
        {
            if (pair.Value.Count == 1)
            {
                result.Add(pair.Value[0]);
                continue;
            }
            var rests = pair.Value.Select(item => RestOf(item, first)).ToArray();
            var rest = Alternation(rests);
            result.Add(first ? Sequence(ends[pair.Key], rest) : Sequence(rest, ends[pair.Key]));
        }
        return result.GroupBy(r => r.Key, StringComparer.Ordinal).Select(g => g.First()).OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
    }

    private static LearnedRegex EndOf(LearnedRegex item, bool first) =>
        item is SequenceNode sequence ? (first ? sequence.Items[0] : sequence.Items[sequence.Items.Count - 1]) : item;

    private static LearnedRegex RestOf(LearnedRegex item, bool first)
    {
        if (item is not SequenceNode sequence)
            return Epsilon;
        var items = sequence.Items;
        return Sequence(first ? items.Skip(1).ToArray() : items.Take(items.Count - 1).ToArray());
    }

    private string Print()
    {
        var output = new StringBuilder();
        Write(output, Precedence.Alternation);
        return output.ToString();
    }

    private protected enum Precedence
    {
        Alternation,
        Sequence,
        Postfix,
    }

    private protected abstract Precedence Own { get; }

    private protected abstract void WriteBody(StringBuilder output);

    private protected void Write(StringBuilder output, Precedence needed)
    {
        if (Own < needed)
        {
            output.Append('(');
            WriteBody(output);
            output.Append(')');
        }
        else
        {
            WriteBody(output);
        }
    }

    private sealed class EpsilonNode : LearnedRegex
    {
        public override bool IsNullable => true;

        private protected override Precedence Own => Precedence.Postfix;

        private protected override void WriteBody(StringBuilder output)
        {
        }
    }

    private sealed class ToolNode : LearnedRegex
    {
        private readonly string _name;

        public ToolNode(string name) => _name = name;

        public override bool IsNullable => false;

        private protected override Precedence Own => Precedence.Postfix;

        private protected override void WriteBody(StringBuilder output) => output.Append(TrajFormatter.FormatName(_name));
    }

    // A sequence or an alternation: its items in order, each written one precedence level tighter than the list.
    private abstract class ListNode : LearnedRegex
    {
        private readonly string _separator;

        protected ListNode(List<LearnedRegex> items, string separator)
        {
            Items = items;
            _separator = separator;
        }

        public List<LearnedRegex> Items { get; }

        private protected override void WriteBody(StringBuilder output)
        {
            for (var i = 0; i < Items.Count; i++)
            {
                if (i > 0)
                    output.Append(_separator);
                Items[i].Write(output, Own + 1);
            }
        }
    }

    private sealed class SequenceNode : ListNode
    {
        public SequenceNode(List<LearnedRegex> items)
            : base(items, " ")
        {
        }

        public override bool IsNullable => Items.All(i => i.IsNullable);

        private protected override Precedence Own => Precedence.Sequence;
    }

    private sealed class AlternationNode : ListNode
    {
        public AlternationNode(List<LearnedRegex> alternatives)
            : base(alternatives, " | ")
        {
        }

        public override bool IsNullable => Items.Any(a => a.IsNullable);

        private protected override Precedence Own => Precedence.Alternation;
    }

    private abstract class PostfixNode : LearnedRegex
    {
        private readonly char _operator;

        protected PostfixNode(LearnedRegex operand, char op)
        {
            Operand = operand;
            _operator = op;
        }

        public LearnedRegex Operand { get; }

        private protected override Precedence Own => Precedence.Postfix;

        private protected override void WriteBody(StringBuilder output)
        {
            Operand.Write(output, Precedence.Postfix);
            // "a/" followed by "*" would lex as "a" and a block comment.
            if (_operator == '*' && output[output.Length - 1] == '/')
                output.Append(' ');
            output.Append(_operator);
        }
    }

    private sealed class StarNode : PostfixNode
    {
        public StarNode(LearnedRegex operand) : base(operand, '*') { }

        public override bool IsNullable => true;
    }

    private sealed class PlusNode : PostfixNode
    {
        public PlusNode(LearnedRegex operand) : base(operand, '+') { }

        public override bool IsNullable => Operand.IsNullable;
    }

    private sealed class OptionalNode : PostfixNode
    {
        public OptionalNode(LearnedRegex operand) : base(operand, '?') { }

        public override bool IsNullable => true;
    }
}
