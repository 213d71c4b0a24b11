using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Microsoft.Agents.AI;
using Trajeckt.Sessions;

namespace Trajeckt.AgentFramework;

/// <summary>
/// The Trajeckt state an agent session carries in its state bag (key <see cref="StateKey"/>): base64 of a protected
/// (<see cref="SessionStateProtector"/>) payload of the thread's random 16-byte id followed by the session state.
/// The id is under the MAC with the state, so a state cannot be moved to another thread, and it keys the store
/// that detects replays.
/// </summary>
internal static class AgentSessionState
{
    public const string StateKey = "trajeckt.session";
    private const int IdLength = 16;

    /// <summary>Reads the carried state; <see langword="false"/> with <paramref name="error"/> when it must be refused.</summary>
    public static bool TryRead(AgentSession agentSession, SessionStateProtector protector, out string? threadId, out byte[]? state, [NotNullWhen(false)] out string? error)
    {
        threadId = null;
        state = null;
        error = null;
        string? text;
        try
        {
            if (!agentSession.StateBag.TryGetValue<string>(StateKey, out text) || text is null)
                return true;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or NotSupportedException)
        {
            error = $"state_malformed: the agent session's '{StateKey}' entry is not a Trajeckt state ({e.GetType().Name}).";
            return false;
        }
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            error = $"state_malformed: the agent session's '{StateKey}' entry is not base64.";
            return false;
        }
        if (!protector.TryUnprotect(bytes, out var payload, out error))
            return false;
        if (payload.Length <= IdLength)
        {
            error = "state_malformed: the protected payload holds no thread id and state.";
            return false;
        }
        threadId = Convert.ToHexString(payload, 0, IdLength);
        state = payload[IdLength..];
        return true;
    }

    public static string NewThreadId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(IdLength));

    public static void Write(AgentSession agentSession, SessionStateProtector protector, string threadId, byte[] state)
    {
        var payload = new byte[IdLength + state.Length];
        Convert.FromHexString(threadId).CopyTo(payload, 0);
        state.CopyTo(payload, IdLength);
        agentSession.StateBag.SetValue(StateKey, Convert.ToBase64String(protector.Protect(payload)));
    }
}
