using Trajeckt;
using Trajeckt.AgentFramework;
using Trajeckt.Sessions;

namespace Microsoft.Agents.AI;

/// <summary>Adds Trajeckt sessions that travel with agent sessions to an agent pipeline.</summary>
public static class TrajecktAgentBuilderExtensions
{
    /// <summary>
    /// Keeps a Trajeckt session with every agent session (see <see cref="TrajecktAgent"/>): its state travels,
    /// authenticated, in the serialized agent session. The agent's chat client must be gated with <c>UseTrajeckt()</c>.
    /// </summary>
    /// <param name="builder">The agent's builder.</param>
    /// <param name="commitment">The commitment every carried state must be of.</param>
    /// <param name="protector">Signs and verifies the carried states.</param>
    /// <param name="configure">Sets the replay store and the sessions' options; <see langword="null"/> for none.</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static AIAgentBuilder UseTrajecktSessions(this AIAgentBuilder builder, Commitment commitment, SessionStateProtector protector, Action<TrajecktAgentOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(commitment);
        ArgumentNullException.ThrowIfNull(protector);
        var options = new TrajecktAgentOptions();
        configure?.Invoke(options);
        return builder.Use(inner => new TrajecktAgent(inner, commitment, protector, options));
    }
}
