using Trajeckt.Traj;

namespace Trajeckt.Traj.Tests.Semantics;

internal static class CompileHelpers
{
    public static TrajCompilation Compile(string text) => TrajCompiler.Compile(text, "policy.traj");

    public static CompiledTrajectory Single(string text)
    {
        var compilation = Compile(text);
        Assert.True(compilation.Success, string.Join("\n", compilation.Diagnostics));
        return Assert.Single(compilation.Trajectories);
    }

    /// <summary>The one diagnostic of the policy, which must be an error or warning with this code.</summary>
    public static TrajDiagnostic SingleDiagnostic(string text, string code)
    {
        var compilation = Compile(text);
        var diagnostic = Assert.Single(compilation.Diagnostics);
        Assert.Equal(code, diagnostic.Code);
        return diagnostic;
    }

    public static void AssertAt(TrajDiagnostic diagnostic, int line, int column)
    {
        Assert.Equal("policy.traj", diagnostic.Location.FilePath);
        Assert.Equal((line, column), (diagnostic.Location.Line, diagnostic.Location.Column));
    }
}
