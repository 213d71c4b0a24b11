using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Trajeckt.Redis;

/// <summary>Healthy when Redis answers a PING; while it does not, every call of a stored session is refused.</summary>
internal sealed class RedisSessionStoreHealthCheck(IConnectionMultiplexer connection) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await connection.GetDatabase().PingAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:0.#} ms.");
        }
        catch (Exception e)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Redis does not answer: every call of a stored session is refused (store_unavailable).", e);
        }
    }
}
