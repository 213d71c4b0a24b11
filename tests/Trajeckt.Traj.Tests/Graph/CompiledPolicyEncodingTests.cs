using Trajeckt.Traj.Automata;
using Trajeckt.Traj.Graph;
using Trajeckt.Traj.Tests.PlanAutomata;
using Trajeckt.TestSupport;

namespace Trajeckt.Traj.Tests.GraphFormat;

/// <summary>What the compiler writes for real policies is exactly what the decoder accepts.</summary>
public class CompiledPolicyEncodingTests
{
    private const string DesignExample = DesignPolicies.Support;

    public static TheoryData<string> Policies()
    {
        var data = new TheoryData<string> { "design-example" };
        foreach (var (name, _) in RepoPaths.AllVectors())
            data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void Compiled_graphs_decode_to_themselves(string name)
    {
        var text = name == "design-example"
            ? DesignExample
            : File.ReadAllText(Path.Combine(RepoPaths.AllVectors().First(v => v.Name == name).Folder, "policy.traj"));
        var compilation = TrajCompiler.Compile(text, name + ".traj");
        Assert.True(compilation.Success, string.Join(Environment.NewLine, compilation.Diagnostics));
        foreach (var trajectory in compilation.Trajectories)
        {
            var decoded = GraphDecoder.Decode(trajectory.Encoding);
            GraphAssert.Equal(trajectory.Graph, decoded);
            Assert.Equal(trajectory.Encoding, GraphEncoder.Encode(decoded));
            Assert.Equal(trajectory.Digest, GraphDigest.Compute(trajectory.Encoding));
            var dfa = new PlanDfa(decoded.AcceptingArray, decoded.TransitionStart, decoded.TransitionTool, decoded.TransitionTarget);
            DfaInvariants.AssertCanonical(dfa, decoded.Tools.Count);
        }
    }

    [Fact]
    public void Reordering_and_regrouping_a_policy_keeps_its_digest()
    {
        const string reordered = """
            trajectory Support {
              budget calls 20;
              authorize save_memory by TrustedUser;
              floor CleanWorkspace for send_email;
              tool send_email    : sink(external);
              tool run_shell     : shell;
              tool save_memory   : sink(control);
              tool fetch_url     : egress, origin(Untrusted);
              tool read_customer : sensitive(customer-pii);
              tool read_ticket;
              flow customer-pii -> send_email;
              plan read_ticket save_memory | read_ticket ((fetch_url | read_customer)+)? send_email?;
            }
            """;
        var original = TrajCompiler.Compile(DesignExample, "a.traj");
        var other = TrajCompiler.Compile(reordered, "b.traj");
        Assert.True(other.Success, string.Join(Environment.NewLine, other.Diagnostics));
        Assert.Equal(original.Trajectories[0].Digest, other.Trajectories[0].Digest);
    }
}
