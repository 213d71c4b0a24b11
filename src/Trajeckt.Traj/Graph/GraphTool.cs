namespace Trajeckt.Traj.Graph;

/// <summary>One declared tool of a <see cref="CompiledGraph"/>, with its effects resolved.</summary>
public sealed class GraphTool
{
    internal GraphTool(string name, ToolEffects effects, int[] labels, Trust origin, Trust? floor, Trust authorizer)
    {
        Name = name;
        Effects = effects;
        LabelIndices = labels;
        Origin = origin;
        Floor = floor;
        Authorizer = authorizer;
    }

    /// <summary>The tool's name (ordinal, case-sensitive).</summary>
    public string Name { get; }

    /// <summary>The tool's effect flags.</summary>
    public ToolEffects Effects { get; }

    /// <summary>Indices into <see cref="CompiledGraph.Labels"/> of the labels its output carries, ascending.</summary>
    public IReadOnlyList<int> LabelIndices { get; }

    /// <summary>The trust of the tool's output (default <see cref="Trust.ToolOutput"/>).</summary>
    public Trust Origin { get; }

    /// <summary>The least integrity at which the tool may run without an authorization; <see langword="null"/> when it has no floor.</summary>
    public Trust? Floor { get; }

    /// <summary>The least trust of an instruction that may authorize this tool (default <see cref="Trust.TrustedUser"/>).</summary>
    public Trust Authorizer { get; }

    /// <summary>Whether the tool is <c>sink(external)</c> or <c>egress</c>, the tools that label flows restrict.</summary>
    public bool IsFlowRestricted => (Effects & (ToolEffects.ExternalSink | ToolEffects.Egress)) != 0;

    internal int[] LabelArray => (int[])LabelIndices;
}
