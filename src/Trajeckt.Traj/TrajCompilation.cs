using System.Diagnostics.CodeAnalysis;
using Trajeckt.Traj.Syntax;

namespace Trajeckt.Traj;

/// <summary>The result of compiling one policy file.</summary>
public sealed class TrajCompilation
{
    internal TrajCompilation(PolicySyntax syntax, IReadOnlyList<TrajDiagnostic> diagnostics, IReadOnlyList<CompiledTrajectory> trajectories)
    {
        Syntax = syntax;
        Diagnostics = diagnostics;
        Trajectories = trajectories;
    }

    /// <summary>The parsed file (possibly partial when there were syntax errors).</summary>
    public PolicySyntax Syntax { get; }

    /// <summary>Every error and warning, in source order.</summary>
    public IReadOnlyList<TrajDiagnostic> Diagnostics { get; }

    /// <summary>Whether the file compiled without errors (warnings allowed).</summary>
    public bool Success => !Diagnostics.Any(d => d.IsError);

    /// <summary>The compiled trajectories in source order; empty when there is any error.</summary>
    public IReadOnlyList<CompiledTrajectory> Trajectories { get; }

    /// <summary>Finds a compiled trajectory by name (ordinal).</summary>
    public bool TryGetTrajectory(string name, [NotNullWhen(true)] out CompiledTrajectory? trajectory)
    {
        trajectory = Trajectories.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));
        return trajectory is not null;
    }
}
