using Microsoft.Extensions.AI;
using Trajeckt;

namespace SupportAgent;

/// <summary>One agent of the sample: its instructions, tools and session, the user's turns, and what the injected model does.</summary>
/// <param name="Title">The heading printed before it runs.</param>
/// <param name="Instructions">The system prompt.</param>
/// <param name="Session">The session that decides its calls.</param>
/// <param name="Tools">Its tools.</param>
/// <param name="Attended">Whether a user is there to approve floored calls (the framework's approval flow).</param>
/// <param name="Turns">What the user says, in order.</param>
/// <param name="Script">What the scripted model answers, request after request.</param>
internal sealed record AgentPhase(
    string Title,
    string Instructions,
    TrajecktSession Session,
    IList<AITool> Tools,
    bool Attended,
    IReadOnlyList<UserTurn> Turns,
    IReadOnlyList<ChatMessage> Script);

/// <summary>A user message, and the tool the user approves calls of in this turn (the user asked for exactly that).</summary>
/// <param name="Message">What the user says.</param>
/// <param name="Approves">The tool whose approval requests the user grants in this turn; others are denied.</param>
internal sealed record UserTurn(string Message, string? Approves = null);
