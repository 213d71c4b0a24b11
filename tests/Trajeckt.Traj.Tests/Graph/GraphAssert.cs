using Trajeckt.Traj.Graph;

namespace Trajeckt.Traj.Tests.GraphFormat;

internal static class GraphAssert
{
    /// <summary>Field-by-field equality of two graphs, including the internal tables the runtime reads.</summary>
    public static void Equal(CompiledGraph expected, CompiledGraph actual)
    {
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.LabelArray, actual.LabelArray);
        Assert.Equal(expected.ToolArray.Length, actual.ToolArray.Length);
        for (var i = 0; i < expected.ToolArray.Length; i++)
        {
            GraphTool e = expected.ToolArray[i], a = actual.ToolArray[i];
            Assert.Equal(e.Name, a.Name);
            Assert.Equal(e.Effects, a.Effects);
            Assert.Equal(e.LabelIndices, a.LabelIndices);
            Assert.Equal(e.Origin, a.Origin);
            Assert.Equal(e.Floor, a.Floor);
            Assert.Equal(e.Authorizer, a.Authorizer);
        }
        Assert.Equal(expected.FlowArray, actual.FlowArray);
        Assert.Equal(expected.Budget, actual.Budget);
        Assert.Equal(expected.AcceptingArray, actual.AcceptingArray);
        Assert.Equal(expected.TransitionStart, actual.TransitionStart);
        Assert.Equal(expected.TransitionTool, actual.TransitionTool);
        Assert.Equal(expected.TransitionTarget, actual.TransitionTarget);
        Assert.Equal(expected.Pins.Select(p => (p.ToolIndex, p.ToolName, Convert.ToHexString(p.GetHash()))), actual.Pins.Select(p => (p.ToolIndex, p.ToolName, Convert.ToHexString(p.GetHash()))));
    }
}
