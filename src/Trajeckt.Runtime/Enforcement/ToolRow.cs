using Trajeckt.Traj.Graph;

namespace Trajeckt.Enforcement;

/// <summary>
/// Everything the allowed path needs to know about one tool, in one struct so a decision touches one
/// cache line. Label bits 0..63 live here; higher words live in <see cref="EnforcementTables"/>.
/// </summary>
internal readonly struct ToolRow
{
    public ToolRow(GraphTool tool, int floorSlot, ulong sensitiveLow, ulong flowLow)
    {
        Name = tool.Name;
        Origin = tool.Origin;
        HasFloor = tool.Floor.HasValue;
        Floor = tool.Floor.GetValueOrDefault();
        Authorizer = tool.Authorizer;
        IsFlowRestricted = tool.IsFlowRestricted;
        IsExternalSink = (tool.Effects & ToolEffects.ExternalSink) != 0;
        HasLabels = tool.LabelIndices.Count > 0;
        FloorSlot = floorSlot;
        SensitiveLow = sensitiveLow;
        FlowLow = flowLow;
    }

    public string Name { get; }

    public Trust Origin { get; }

    public bool HasFloor { get; }

    public Trust Floor { get; }

    public Trust Authorizer { get; }

    public bool IsFlowRestricted { get; }

    public bool IsExternalSink { get; }

    public bool HasLabels { get; }

    /// <summary>The tool's slot in a session's pending-authorization counts, or -1 when it has no floor.</summary>
    public int FloorSlot { get; }

    /// <summary>Labels 0..63 the tool's output carries.</summary>
    public ulong SensitiveLow { get; }

    /// <summary>Labels 0..63 whose flows list this tool.</summary>
    public ulong FlowLow { get; }
}
