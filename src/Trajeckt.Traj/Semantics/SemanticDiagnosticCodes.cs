namespace Trajeckt.Traj.Semantics;

/// <summary>
/// The codes of the semantic checker's diagnostics (TRJ0101-TRJ0199). Codes are stable: a code keeps
/// its meaning forever and a retired code is never reused. docs/traj-language.md lists them all.
/// </summary>
public static class SemanticDiagnosticCodes
{
    /// <summary>A statement names a tool that the trajectory does not declare.</summary>
    public const string UnknownTool = "TRJ0101";

    /// <summary>A flow names a label that no tool of the trajectory declares.</summary>
    public const string UnknownLabel = "TRJ0102";

    /// <summary>A flow targets a tool that is neither <c>sink(external)</c> nor <c>egress</c>.</summary>
    public const string FlowTargetNotRestricted = "TRJ0103";

    /// <summary>Two trajectories of a file have the same name.</summary>
    public const string DuplicateTrajectory = "TRJ0104";

    /// <summary>A tool is declared twice.</summary>
    public const string DuplicateTool = "TRJ0105";

    /// <summary>A tool lists the same effect (or the same label) twice.</summary>
    public const string DuplicateEffect = "TRJ0106";

    /// <summary>Two <c>floor T;</c> statements set the default floor.</summary>
    public const string DuplicateDefaultFloor = "TRJ0107";

    /// <summary>Two <c>floor ... for</c> statements name the same tool.</summary>
    public const string DuplicateToolFloor = "TRJ0108";

    /// <summary>Two <c>authorize</c> statements name the same tool.</summary>
    public const string DuplicateAuthorize = "TRJ0109";

    /// <summary>Two <c>budget</c> statements.</summary>
    public const string DuplicateBudget = "TRJ0110";

    /// <summary>The same label-to-tool flow is stated twice.</summary>
    public const string DuplicateFlow = "TRJ0111";

    /// <summary>The plans accept no word at all, so no call could ever be allowed.</summary>
    public const string EmptyPlanLanguage = "TRJ0112";

    /// <summary>The plan automaton needs more states than the compiler's bound while it is built.</summary>
    public const string PlanTooLarge = "TRJ0113";

    /// <summary>A tool is named <c>_</c>, which only the wildcard may be.</summary>
    public const string ReservedToolName = "TRJ0114";

    /// <summary>A <c>tool</c> line or <c>floor ... for</c> statement contradicts what the C# attributes declare.</summary>
    public const string ContradictsHostDeclaration = "TRJ0115";

    /// <summary>A trajectory declares more tools than a graph may hold (<c>GraphLimits.MaxTools</c>).</summary>
    public const string TooManyTools = "TRJ0152";

    /// <summary>A trajectory's tools carry more distinct labels than a graph may hold (<c>GraphLimits.MaxLabels</c>).</summary>
    public const string TooManyLabels = "TRJ0153";

    /// <summary>A trajectory, tool or label name is longer in UTF-8 than a graph may hold (<c>GraphLimits.MaxNameBytes</c>).</summary>
    public const string NameTooLong = "TRJ0154";

    /// <summary>The trajectory's graph encoding is larger than the format allows (<c>GraphLimits.MaxEncodingBytes</c>).</summary>
    public const string GraphTooLarge = "TRJ0155";

    /// <summary>The plan automaton has more transitions than a graph may hold (<c>GraphLimits.MaxTransitions</c>).</summary>
    public const string TooManyTransitions = "TRJ0156";

    /// <summary>Building the plan automaton takes more steps of work than the compiler allows.</summary>
    public const string PlanTooCostly = "TRJ0157";

    /// <summary>The plans of a trajectory hold more tool names and wildcards than the compiler allows.</summary>
    public const string PlanTooLong = "TRJ0158";

    /// <summary>A <c>pin</c> statement's hash is not <c>sha256:</c> followed by 64 lowercase hex digits.</summary>
    public const string MalformedPin = "TRJ0159";

    /// <summary>A tool has more than one <c>pin</c> statement.</summary>
    public const string DuplicatePin = "TRJ0160";

    /// <summary>Warning: an <c>authorize</c> statement names a tool without a floor, so its authorizations are rejected.</summary>
    public const string AuthorizeWithoutFloor = "TRJ0150";

    /// <summary>Warning: a declared tool occurs in no word of the plan, so every call of it is refused.</summary>
    public const string UnreachableTool = "TRJ0151";
}
