using Trajeckt.Traj.Diff;

namespace Trajeckt.Cli;

/// <summary>What <c>trajeckt diff</c> found: per paired trajectory its differences, unpaired trajectories, and changed runs.</summary>
internal sealed class PolicyComparison
{
    public PolicyComparison(string oldPath, string newPath, IReadOnlyList<GraphDifference> pairs,
        IReadOnlyList<string> trajectoriesRemoved, IReadOnlyList<string> trajectoriesAdded)
    {
        OldPath = oldPath;
        NewPath = newPath;
        Pairs = pairs;
        TrajectoriesRemoved = trajectoriesRemoved;
        TrajectoriesAdded = trajectoriesAdded;
    }

    public string OldPath { get; }

    public string NewPath { get; }

    public IReadOnlyList<GraphDifference> Pairs { get; }

    /// <summary>Trajectories only the old input has.</summary>
    public IReadOnlyList<string> TrajectoriesRemoved { get; }

    /// <summary>Trajectories only the new input has.</summary>
    public IReadOnlyList<string> TrajectoriesAdded { get; }

    /// <summary>With <c>--traces</c>: how many runs were replayed.</summary>
    public int? TraceRuns { get; set; }

    /// <summary>With <c>--traces</c>: the first changed step of each run that changed.</summary>
    public IReadOnlyList<DecisionChange> TraceChanges { get; set; } = Array.Empty<DecisionChange>();

    public bool Identical => TrajectoriesRemoved.Count == 0 && TrajectoriesAdded.Count == 0
        && Pairs.All(p => p.IsEmpty) && TraceChanges.Count == 0;
}
