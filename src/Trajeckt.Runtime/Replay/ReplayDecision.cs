namespace Trajeckt.Replay;

/// <summary>What the session decided for one step of a replayed trace.</summary>
public enum ReplayDecision
{
    /// <summary>An input was observed; there is nothing to decide.</summary>
    Input,

    /// <summary>The call was allowed.</summary>
    Allow,

    /// <summary>The call was refused.</summary>
    Deny,

    /// <summary>The authorization was accepted.</summary>
    Accepted,

    /// <summary>The authorization was rejected.</summary>
    Rejected,
}
