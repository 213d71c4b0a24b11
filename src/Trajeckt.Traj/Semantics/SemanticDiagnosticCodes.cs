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

    /// <summary>The plan automaton exceeds the size bound.</summary>
    public const string PlanTooLarge = "TRJ0113";

    /// <summary>A tool is named <c>_</c>, which only the wildcard may be.</summary>
    public const string ReservedToolName = "TRJ0114";

    /// <summary>A <c>tool</c> line or <c>floor ... for</c> statement contradicts what the C# attributes declare.</summary>
    public const string ContradictsHostDeclaration = "TRJ0115";

    /// <summary>Warning: an <c>authorize</c> statement names a tool without a floor, so its authorizations are rejected.</summary>
    public const string AuthorizeWithoutFloor = "TRJ0150";

    /// <summary>Warning: a declared tool occurs in no word of the plan, so every call of it is refused.</summary>
    public const string UnreachableTool = "TRJ0151";
}
