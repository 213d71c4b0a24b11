using System.Diagnostics.CodeAnalysis;

namespace Trajeckt;

/// <summary>The stable reason-code strings of docs/semantics.md, part of the public contract.</summary>
public static class ReasonCodes
{
    /// <summary>The code of <see cref="DecisionReason.NoCommitment"/>.</summary>
    public const string NoCommitment = "no_commitment";

    /// <summary>The code of <see cref="DecisionReason.SealInvalid"/>.</summary>
    public const string SealInvalid = "seal_invalid";

    /// <summary>The code of <see cref="DecisionReason.Halted"/>.</summary>
    public const string Halted = "halted";

    /// <summary>The code of <see cref="DecisionReason.UnknownTool"/>.</summary>
    public const string UnknownTool = "unknown_tool";

    /// <summary>The code of <see cref="DecisionReason.Budget"/>.</summary>
    public const string Budget = "budget";

    /// <summary>The code of <see cref="DecisionReason.Transition"/>.</summary>
    public const string Transition = "transition";

    /// <summary>The code of <see cref="DecisionReason.Flow"/>.</summary>
    public const string Flow = "flow";

    /// <summary>The code of <see cref="DecisionReason.Floor"/>.</summary>
    public const string Floor = "floor";

    /// <summary>The code of <see cref="DecisionReason.Heuristic"/>.</summary>
    public const string Heuristic = "heuristic";

    /// <summary>The code of <see cref="DecisionReason.InternalError"/>.</summary>
    public const string InternalError = "internal_error";

    /// <summary>The code of <see cref="DecisionReason.AuthorizationRejected"/>.</summary>
    public const string AuthorizationRejected = "authorization_rejected";

    /// <summary>The code of <see cref="DecisionReason.SessionEnded"/>.</summary>
    public const string SessionEnded = "session_ended";

    /// <summary>The code of <see cref="DecisionReason.StoreUnavailable"/>.</summary>
    public const string StoreUnavailable = "store_unavailable";

    /// <summary>The code of <see cref="DecisionReason.StateInvalid"/>.</summary>
    public const string StateInvalid = "state_invalid";

    /// <summary>The code of <see cref="DecisionReason.ToolDefinitionChanged"/>.</summary>
    public const string ToolDefinitionChanged = "tool_definition_changed";

    /// <summary>Returns the stable code of a reason.</summary>
    /// <param name="reason">The reason.</param>
    /// <returns>The code, or <see langword="null"/> for <see cref="DecisionReason.None"/>, which has none.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reason"/> is not a defined value.</exception>
    public static string? ToCode(DecisionReason reason) => reason switch
    {
        DecisionReason.None => null,
        DecisionReason.NoCommitment => NoCommitment,
        DecisionReason.SealInvalid => SealInvalid,
        DecisionReason.Halted => Halted,
        DecisionReason.UnknownTool => UnknownTool,
        DecisionReason.Budget => Budget,
        DecisionReason.Transition => Transition,
        DecisionReason.Flow => Flow,
        DecisionReason.Floor => Floor,
        DecisionReason.Heuristic => Heuristic,
        DecisionReason.InternalError => InternalError,
        DecisionReason.AuthorizationRejected => AuthorizationRejected,
        DecisionReason.SessionEnded => SessionEnded,
        DecisionReason.StoreUnavailable => StoreUnavailable,
        DecisionReason.StateInvalid => StateInvalid,
        DecisionReason.ToolDefinitionChanged => ToolDefinitionChanged,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Not a defined decision reason."),
    };

    /// <summary>Parses a stable code (ordinal, case-sensitive) into its reason.</summary>
    /// <param name="code">The code, e.g. <c>"flow"</c>.</param>
    /// <param name="reason">The reason, or <see cref="DecisionReason.None"/> when parsing fails.</param>
    /// <returns>Whether <paramref name="code"/> is one of the codes of docs/semantics.md.</returns>
    public static bool TryParse([NotNullWhen(true)] string? code, out DecisionReason reason)
    {
        reason = code switch
        {
            NoCommitment => DecisionReason.NoCommitment,
            SealInvalid => DecisionReason.SealInvalid,
            Halted => DecisionReason.Halted,
            UnknownTool => DecisionReason.UnknownTool,
            Budget => DecisionReason.Budget,
            Transition => DecisionReason.Transition,
            Flow => DecisionReason.Flow,
            Floor => DecisionReason.Floor,
            Heuristic => DecisionReason.Heuristic,
            InternalError => DecisionReason.InternalError,
            AuthorizationRejected => DecisionReason.AuthorizationRejected,
            SessionEnded => DecisionReason.SessionEnded,
            StoreUnavailable => DecisionReason.StoreUnavailable,
            StateInvalid => DecisionReason.StateInvalid,
            ToolDefinitionChanged => DecisionReason.ToolDefinitionChanged,
            _ => DecisionReason.None,
        };
        return reason != DecisionReason.None;
    }
}
