namespace Trajeckt.Cli.Tests.Rollout;

/// <summary>The support agent's tools and effects that the learn, log and rollout tests record and learn from.</summary>
internal static class SupportAgent
{
    /// <summary>The policy of the support agent's five tools, with <paramref name="rules"/> (plan, flow lines) after them.</summary>
    public static string Policy(params string[] rules) =>
        "trajectory Support {\n"
        + "  tool read_ticket : origin(Untrusted);\n"
        + "  tool read_customer : sensitive(customer-pii);\n"
        + "  tool search_kb;\n"
        + "  tool reply_to_ticket : sink(external);\n"
        + "  tool send_email : sink(external);\n"
        + string.Concat(rules.Select(rule => "  " + rule + "\n"))
        + "}\n";

    /// <summary>A commitment to <paramref name="traj"/>'s first trajectory, compiled in process.</summary>
    public static Commitment Commit(string traj)
    {
        var trajectory = Traj.TrajCompiler.Compile(traj, "policy.traj").Trajectories[0];
        return Commitment.FromVerifiedGraph(trajectory.Graph, trajectory.Encoding);
    }
}
