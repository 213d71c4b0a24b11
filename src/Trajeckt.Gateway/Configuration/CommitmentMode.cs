namespace Trajeckt.Gateway.Configuration;

/// <summary>Where the gateway's commitment comes from.</summary>
public enum CommitmentMode
{
    /// <summary>Inferred from the upstreams' tools/list at start, compiled and sealed with a key made at start.</summary>
    Auto,

    /// <summary>An operator's <c>.traj</c> and seal, verified with the operator's trusted keys.</summary>
    Operator,

    /// <summary>No commitment: heuristic mode over the inferred effects; needs <c>Trajeckt:RequireCommitment=false</c> and <c>Trajeckt:AllowUncommitted=true</c>.</summary>
    Heuristic,
}
