namespace Trajeckt.Traj.Learning;

/// <summary>One call of a recorded run, with what the tool reported about its output.</summary>
internal sealed class TrainingCall
{
    public TrainingCall(string tool, int step, Trust? origin, IReadOnlyList<string> labels)
    {
        Tool = tool;
        Step = step;
        Origin = origin;
        Labels = labels;
    }

    public string Tool { get; }

    /// <summary>The call's step in its recording, for the comments that say which run taught what.</summary>
    public int Step { get; }

    public Trust? Origin { get; }

    public IReadOnlyList<string> Labels { get; }
}

/// <summary>
/// A recorded run: the calls of a benign run, or, for a negative run, the calls up to and including
/// the one that was (or must be) refused.
/// </summary>
internal sealed class TrainingRun
{
    public TrainingRun(string name, IReadOnlyList<TrainingCall> calls, bool isNegative)
    {
        Name = name;
        Calls = calls;
        IsNegative = isNegative;
    }

    /// <summary>Where the run came from (a file, or a file and session), as the comments name it.</summary>
    public string Name { get; }

    public IReadOnlyList<TrainingCall> Calls { get; }

    public bool IsNegative { get; }
}
