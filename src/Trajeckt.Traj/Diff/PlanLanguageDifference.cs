namespace Trajeckt.Traj.Diff;

/// <summary>The shortest runs on which two plans disagree, each <see langword="null"/> when there is none.</summary>
internal sealed class PlanLanguageDifference
{
    public PlanLanguageDifference(PlanWitness? allowedOnlyByOld, PlanWitness? allowedOnlyByNew,
        PlanWitness? completeOnlyInOld, PlanWitness? completeOnlyInNew, bool searchComplete, int pairsExplored)
    {
        AllowedOnlyByOld = allowedOnlyByOld;
        AllowedOnlyByNew = allowedOnlyByNew;
        CompleteOnlyInOld = completeOnlyInOld;
        CompleteOnlyInNew = completeOnlyInNew;
        SearchComplete = searchComplete;
        PairsExplored = pairsExplored;
    }

    /// <summary>A shortest run the old plan allows and the new one refuses (at its last call).</summary>
    public PlanWitness? AllowedOnlyByOld { get; }

    /// <summary>A shortest run the new plan allows and the old one refuses (at its last call).</summary>
    public PlanWitness? AllowedOnlyByNew { get; }

    /// <summary>A shortest run both allow that only the old plan accepts as complete (not enforced; informational).</summary>
    public PlanWitness? CompleteOnlyInOld { get; }

    /// <summary>A shortest run both allow that only the new plan accepts as complete (not enforced; informational).</summary>
    public PlanWitness? CompleteOnlyInNew { get; }

    /// <summary>
    /// Whether the two allowed-run witnesses are final: the search found both, or looked at every pair of
    /// states both plans reach together. When false it stopped at <see cref="PlanLanguageDiff.MaxPairs"/>
    /// pairs, and a missing witness proves nothing.
    /// </summary>
    public bool SearchComplete { get; }

    /// <summary>How many pairs of states the search visited.</summary>
    public int PairsExplored { get; }

    /// <summary>Whether the plans allow exactly the same runs (and the search proved it).</summary>
    public bool SameAllowedRuns => SearchComplete && AllowedOnlyByOld is null && AllowedOnlyByNew is null;
}
