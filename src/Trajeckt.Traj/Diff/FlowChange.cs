namespace Trajeckt.Traj.Diff;

/// <summary>A label that may reach a tool in one graph and not in the other.</summary>
internal sealed class FlowChange
{
    public FlowChange(string label, string tool, bool added)
    {
        Label = label;
        Tool = tool;
        Added = added;
    }

    public string Label { get; }

    public string Tool { get; }

    /// <summary>True when only the new graph lets the label reach the tool; false when only the old one did.</summary>
    public bool Added { get; }

    /// <summary>E.g. <c>customer-pii -> send_email</c>.</summary>
    public override string ToString() => $"{Label} -> {Tool}";
}
