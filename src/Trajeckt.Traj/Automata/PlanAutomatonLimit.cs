namespace Trajeckt.Traj.Automata;

/// <summary>Which bound stopped <see cref="PlanAutomatonBuilder.Build"/>; each has its own diagnostic.</summary>
internal enum PlanAutomatonLimit
{
    /// <summary>No bound was reached.</summary>
    None,

    /// <summary>The subset construction needed more states than allowed (TRJ0113).</summary>
    States,

    /// <summary>The final automaton has more transitions than a graph may hold (TRJ0156).</summary>
    Transitions,

    /// <summary>Building the automaton took more steps of work than allowed (TRJ0157).</summary>
    ConstructionWork,
}
