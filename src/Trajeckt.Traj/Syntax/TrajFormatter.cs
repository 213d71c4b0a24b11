using System.Text;

namespace Trajeckt.Traj.Syntax;

/// <summary>
/// Writes a <see cref="PolicySyntax"/> in the canonical Traj layout: two-space indent, one statement a
/// line, a blank line between trajectories, <c>\n</c> line breaks. Comments are not part of the tree, so
/// they are not preserved.
/// </summary>
public static class TrajFormatter
{
    private const string Indent = "  ";

    /// <summary>
    /// Formats <paramref name="policy"/>. Parsing the result gives a tree equivalent to
    /// <paramref name="policy"/> (see <see cref="SyntaxEquivalence"/>), and formatting is idempotent.
    /// </summary>
    /// <param name="policy">The policy, typically from <see cref="TrajParser.Parse(string, string)"/>.</param>
    /// <returns>The canonical text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The tree holds something Traj cannot spell: an empty name, a name with a line break, a plan
    /// sequence or alternation with no items, a negative budget, or an undefined enum value.
    /// </exception>
    public static string Format(PolicySyntax policy)
    {
        if (policy is null)
            throw new ArgumentNullException(nameof(policy));
        var output = new StringBuilder();
        for (var i = 0; i < policy.Trajectories.Count; i++)
        {
            if (i > 0)
                output.Append('\n');
            WriteTrajectory(output, policy.Trajectories[i]);
        }
        return output.ToString();
    }

    private static void WriteTrajectory(StringBuilder output, TrajectorySyntax trajectory)
    {
        output.Append("trajectory ").Append(FormatName(trajectory.Name)).Append(" {\n");
        foreach (var statement in trajectory.Statements)
        {
            output.Append(Indent);
            WriteStatement(output, statement);
            output.Append(";\n");
        }
        output.Append("}\n");
    }

    private static void WriteStatement(StringBuilder output, StatementSyntax statement)
    {
        switch (statement)
        {
            case ToolStatementSyntax tool:
                output.Append("tool ").Append(FormatName(tool.Name));
                for (var i = 0; i < tool.Effects.Count; i++)
                {
                    output.Append(i == 0 ? " : " : ", ");
                    WriteEffect(output, tool.Effects[i]);
                }
                break;
            case PlanStatementSyntax plan:
                output.Append("plan ");
                PlanFormatter.Write(output, plan.Expression);
                break;
            case FlowStatementSyntax flow:
                output.Append("flow ").Append(FormatName(flow.Label)).Append(" -> ");
                WriteNames(output, flow.Tools);
                break;
            case FloorStatementSyntax floor:
                output.Append("floor ").Append(FormatTrust(floor.Level));
                if (floor.Tools is not null)
                {
                    output.Append(" for ");
                    WriteNames(output, floor.Tools);
                }
                break;
            case AuthorizeStatementSyntax authorize:
                output.Append("authorize ");
                WriteNames(output, authorize.Tools);
                output.Append(" by ").Append(FormatTrust(authorize.Level));
                break;
            case BudgetStatementSyntax budget:
                if (budget.Calls < 0)
                    throw new ArgumentException($"A budget of {budget.Calls} calls cannot be written in Traj: budgets are not negative.", nameof(statement));
                output.Append("budget calls ").Append(budget.Calls.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            case PinStatementSyntax pin:
                output.Append("pin ").Append(FormatName(pin.Tool)).Append(' ').Append(FormatName(pin.Hash));
                break;
            default:
                throw new ArgumentException($"Unknown statement node {statement.GetType().Name}.", nameof(statement));
        }
    }

    private static void WriteEffect(StringBuilder output, EffectSyntax effect)
    {
        switch (effect)
        {
            case SensitiveEffectSyntax sensitive:
                output.Append("sensitive(");
                WriteNames(output, sensitive.Labels);
                output.Append(')');
                break;
            case OriginEffectSyntax origin:
                output.Append("origin(").Append(FormatTrust(origin.Level)).Append(')');
                break;
            case SinkEffectSyntax sink:
                output.Append(sink.Kind switch
                {
                    SinkEffectKind.External => "sink(external)",
                    SinkEffectKind.Control => "sink(control)",
                    _ => throw new ArgumentException($"Unknown sink kind {sink.Kind}.", nameof(effect)),
                });
                break;
            case ShellEffectSyntax:
                output.Append("shell");
                break;
            case EgressEffectSyntax:
                output.Append("egress");
                break;
            default:
                throw new ArgumentException($"Unknown effect node {effect.GetType().Name}.", nameof(effect));
        }
    }

    private static void WriteNames(StringBuilder output, IReadOnlyList<NameSyntax> names)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (i > 0)
                output.Append(", ");
            output.Append(FormatName(names[i]));
        }
    }

    // Only the six names of the lattice parse back; a cast integer would print as a number.
    private static string FormatTrust(TrustSyntax trust)
    {
        var name = trust.Value.ToString();
        if (!SyntaxKeywords.TryGetTrust(name, out _))
            throw new ArgumentException($"The trust value {name} is not a level of the trust lattice.", nameof(trust));
        return name;
    }

    internal static string FormatName(NameSyntax name) => FormatName(name.Value);

    /// <summary>
    /// A name as Traj spells it: bare when it lexes back as exactly that one name and is not the
    /// wildcard <c>_</c>, otherwise quoted with <c>\"</c> and <c>\\</c> escaped.
    /// </summary>
    /// <param name="value">The name.</param>
    /// <returns>The name as it is written in a policy.</returns>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty or holds a line break, which no Traj name can.</exception>
    public static string FormatName(string value)
    {
        if (string.IsNullOrEmpty(value) || value.IndexOfAny(s_lineBreaks) >= 0)
            throw new ArgumentException($"The name '{value}' cannot be written in Traj: names are not empty and hold no line break.", nameof(value));
        if (value != "_" && NameRules.SpellsIdentifier(value))
            return value;
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
                quoted.Append('\\');
            quoted.Append(c);
        }
        return quoted.Append('"').ToString();
    }

    private static readonly char[] s_lineBreaks = { '\r', '\n' };
}
