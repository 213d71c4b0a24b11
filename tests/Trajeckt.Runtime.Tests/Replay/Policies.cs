using Trajeckt.Traj;

namespace Trajeckt.Runtime.Tests.Replay;

/// <summary>Compiles policies for replay tests; a policy that does not compile fails the test with its diagnostics.</summary>
internal static class Policies
{
    public static CompiledTrajectory Compile(string text, string? trajectory = null)
    {
        var compilation = TrajCompiler.Compile(text, "policy.traj");
        Assert.True(compilation.Success, string.Join(Environment.NewLine, compilation.Diagnostics));
        return trajectory is null ? compilation.Trajectories[0] : compilation.Trajectories.Single(t => t.Name == trajectory);
    }

    public static CompiledTrajectory CompileFile(string path) => Compile(File.ReadAllText(path));
}
