namespace Trajeckt.Traj.Syntax;

// The contextual keywords of Traj v1 and the spelled-out lists that error messages show.
internal static class SyntaxKeywords
{
    public const string Trajectory = "trajectory";
    public const string Tool = "tool";
    public const string Plan = "plan";
    public const string Flow = "flow";
    public const string Floor = "floor";
    public const string Authorize = "authorize";
    public const string Budget = "budget";
    public const string Pin = "pin";
    public const string For = "for";
    public const string By = "by";
    public const string Calls = "calls";
    public const string Sensitive = "sensitive";
    public const string Origin = "origin";
    public const string Sink = "sink";
    public const string Shell = "shell";
    public const string Egress = "egress";
    public const string External = "external";
    public const string Control = "control";

    public const string StatementList = "tool, plan, flow, floor, authorize, budget or pin";
    public const string EffectList = "sensitive, origin, sink, shell or egress";
    public const string TrustList = "Untrusted, Memory, External, ToolOutput, CleanWorkspace or TrustedUser";

    /// <summary>Whether a token can start a statement, or the next trajectory (error recovery resumes there).</summary>
    public static bool StartsStatement(Token token) =>
        token.Kind == TokenKind.Name && token.Value is Trajectory or Tool or Plan or Flow or Floor or Authorize or Budget or Pin;

    /// <summary>The trust level a name spells; only the six enum names, case-sensitive (never a number).</summary>
    public static bool TryGetTrust(string? value, out Trust trust)
    {
        switch (value)
        {
            case nameof(Trust.Untrusted): trust = Trust.Untrusted; return true;
            case nameof(Trust.Memory): trust = Trust.Memory; return true;
            case nameof(Trust.External): trust = Trust.External; return true;
            case nameof(Trust.ToolOutput): trust = Trust.ToolOutput; return true;
            case nameof(Trust.CleanWorkspace): trust = Trust.CleanWorkspace; return true;
            case nameof(Trust.TrustedUser): trust = Trust.TrustedUser; return true;
            default: trust = default; return false;
        }
    }
}
