namespace Trajeckt.Traj.Graph;

/// <summary>
/// Writes a <see cref="CompiledGraph"/> in its canonical binary encoding (docs/graph-format.md), the
/// bytes that <see cref="GraphDigest"/> hashes and a seal signs.
/// </summary>
public static class GraphEncoder
{
    /// <summary>Encodes <paramref name="graph"/>. Equal graphs give identical bytes.</summary>
    /// <param name="graph">The graph to encode.</param>
    /// <returns>The encoding; <see cref="GraphDecoder.Decode"/> reads it back to an equal graph.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A name has a lone surrogate, or the budget is negative.</exception>
    public static byte[] Encode(CompiledGraph graph)
    {
        if (graph is null)
            throw new ArgumentNullException(nameof(graph));
        var writer = new ByteWriter();
        writer.WriteBytes(GraphFormat.Magic);
        // A graph without pins is written exactly as before pins existed, so its digest (and seal) stays valid.
        writer.WriteVarint(graph.PinArray.Length == 0 ? GraphFormat.Version : GraphFormat.PinnedVersion);
        writer.WriteString(graph.Name);

        writer.WriteVarint(graph.LabelArray.Length);
        foreach (var label in graph.LabelArray)
            writer.WriteString(label);

        writer.WriteVarint(graph.ToolArray.Length);
        foreach (var tool in graph.ToolArray)
        {
            writer.WriteString(tool.Name);
            writer.WriteByte((byte)tool.Effects);
            writer.WriteByte((byte)tool.Origin);
            writer.WriteByte(tool.Floor is { } floor ? (byte)((byte)floor + 1) : GraphFormat.NoFloor);
            writer.WriteByte((byte)tool.Authorizer);
            writer.WriteAscending(tool.LabelArray);
        }

        foreach (var flow in graph.FlowArray)
            writer.WriteAscending(flow);

        if (graph.Budget is { } budget)
        {
            writer.WriteByte(1);
            writer.WriteVarint(budget);
        }
        else
        {
            writer.WriteByte(0);
        }

        writer.WriteVarint(graph.StateCount);
        for (var state = 0; state < graph.StateCount; state++)
        {
            writer.WriteByte(graph.AcceptingArray[state] ? (byte)1 : (byte)0);
            int first = graph.TransitionStart[state], end = graph.TransitionStart[state + 1];
            writer.WriteVarint(end - first);
            for (var i = first; i < end; i++)
            {
                writer.WriteVarint(i == first ? graph.TransitionTool[i] : graph.TransitionTool[i] - graph.TransitionTool[i - 1] - 1);
                writer.WriteVarint(graph.TransitionTarget[i]);
            }
        }
        if (graph.PinArray.Length > 0)
        {
            writer.WriteVarint(graph.PinArray.Length);
            for (var i = 0; i < graph.PinArray.Length; i++)
            {
                var pin = graph.PinArray[i];
                writer.WriteVarint(i == 0 ? pin.ToolIndex : pin.ToolIndex - graph.PinArray[i - 1].ToolIndex - 1);
                writer.WriteBytes(pin.HashArray);
            }
        }
        return writer.ToArray();
    }
}
