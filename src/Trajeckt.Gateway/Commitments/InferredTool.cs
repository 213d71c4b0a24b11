using Trajeckt.Traj;

namespace Trajeckt.Gateway.Commitments;

/// <summary>A tool's effects as the gateway derived them, and why (the rule's case, or the override's key).</summary>
internal sealed record InferredTool(HostTool Tool, string Source);
