using Trajeckt.Traj.Graph;

namespace Trajeckt.TestSupport.Reference;

/// <summary>How the reference session is set up: a graph, heuristic mode, or refusing every call.</summary>
public sealed record ReferenceSession
{
    private ReferenceSession()
    {
    }

    /// <summary>The committed graph, or null.</summary>
    public CompiledGraph? Graph { get; private init; }

    /// <summary>Heuristic mode's tool effects, or null when not in heuristic mode.</summary>
    public IReadOnlyDictionary<string, ToolEffects>? HeuristicEffects { get; private init; }

    /// <summary>The code every call is refused with (no_commitment, seal_invalid), or null.</summary>
    public string? RefuseAllCode { get; private init; }

    /// <summary>Whether OnViolation = Halt.</summary>
    public bool Halt { get; private init; }

    public static ReferenceSession Committed(CompiledGraph graph, bool halt) => new() { Graph = graph, Halt = halt };

    public static ReferenceSession Heuristic(IReadOnlyDictionary<string, ToolEffects> effects, bool halt) =>
        new() { HeuristicEffects = effects, Halt = halt };

    public static ReferenceSession RefuseAll(string code, bool halt) => new() { RefuseAllCode = code, Halt = halt };
}
