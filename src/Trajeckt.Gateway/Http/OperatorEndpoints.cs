using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Trajeckt.Gateway.Http;

/// <summary>The operator's read-only endpoints: health, the commitment, and a session's recent decisions.</summary>
internal static class OperatorEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", (GatewayRuntime runtime) => Results.Json(new
        {
            status = "ok",
            commitment = runtime.Commitment?.Commitment?.Digest.ToString(),
            sessions = runtime.Sessions.Count,
        }));
        endpoints.MapGet("/trajeckt/commitment", (GatewayRuntime runtime) =>
            Results.Text(runtime.Commitment?.Describe() ?? string.Empty, "text/plain; charset=utf-8"));
        endpoints.MapGet("/trajeckt/pins", (GatewayRuntime runtime) => Results.Text(runtime.Catalog?.Describe() ?? string.Empty, "text/plain; charset=utf-8"));
        endpoints.MapGet("/trajeckt/sessions/{id}/decisions", (string id, GatewayRuntime runtime) =>
            runtime.Sessions.TryPeek(id, out var session)
                ? Results.Json(session.RecentDecisions())
                : Results.NotFound(new { error = $"no live session {id}" }));
    }
}
