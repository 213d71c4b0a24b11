using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Trajeckt.Gateway.Sessions;
using Trajeckt.Traj.Syntax;

namespace Trajeckt.Gateway.Http;

/// <summary>
/// The operator's authorizations endpoint: the host application's approval UI passes a trusted user's
/// approval of a floored call to the session's runtime, which decides it. The agent reaches the same
/// loopback and passes the Origin check, so only the operator's bearer token tells the two apart:
/// without it nothing here accepts an authorization, and without a configured token the endpoint does not exist.
/// </summary>
internal static class OperatorAuthorizations
{
    /// <summary>The shortest operator token accepted at start.</summary>
    public const int MinimumTokenLength = 32;

    private const string BearerPrefix = "Bearer ";

    public static void Map(IEndpointRouteBuilder endpoints, string token)
    {
        var expected = Encoding.UTF8.GetBytes(token);
        endpoints.MapPost("/trajeckt/sessions/{id}/authorizations", (string id, HttpContext context, GatewayRuntime runtime) =>
            AuthorizeAsync(id, context, runtime, expected));
    }

    private static async Task<IResult> AuthorizeAsync(string id, HttpContext context, GatewayRuntime runtime, byte[] expected)
    {
        // Checked before anything else, so an unauthenticated caller learns nothing (not even whether a session exists).
        if (!IsOperator(context.Request, expected))
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        if (await ReadRequestAsync(context) is not (string tool, Trust by) request)
            return Results.BadRequest(new { error = """the body must be a JSON object {"tool": "<tool name>", "by": "<trust level>"} with by one of """ + SyntaxKeywords.TrustList });
        SessionEnforcement? enforcement;
        if (runtime.Sessions.TryPeek(id, out var session))
        {
            enforcement = session.Enforcement;
        }
        else
        {
            // With Redis, the approval UI may reach any replica: one that does not hold the session decides
            // through the store, as the replica holding it would.
            try
            {
                enforcement = await runtime.FindStoredSessionAsync(id, context.RequestAborted).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return Results.Json(new { accepted = false, reason = ReasonCodes.StoreUnavailable, message = "the session store cannot be read: " + e.Message },
                    statusCode: StatusCodes.Status503ServiceUnavailable);
            }
            if (enforcement is null)
                return Results.NotFound(new { error = $"no live session {id}" });
        }

        var result = await enforcement.AuthorizeAsync(request.tool, request.by, context.RequestAborted).ConfigureAwait(false);
        // The store could not decide: say so, so the approval UI retries rather than tells the user "rejected".
        if (result.Reason is DecisionReason.StoreUnavailable or DecisionReason.StateInvalid)
            return Results.Json(new { accepted = false, reason = result.Code, message = result.Message }, statusCode: StatusCodes.Status503ServiceUnavailable);
        return Results.Json(new { accepted = result.IsAccepted, reason = result.Code, message = result.Message });
    }

    private static bool IsOperator(HttpRequest request, byte[] expected)
    {
        var header = request.Headers.Authorization;
        if (header.Count != 1 || header[0] is not { } value || !value.StartsWith(BearerPrefix, StringComparison.Ordinal))
            return false;
        var presented = Encoding.UTF8.GetBytes(value[BearerPrefix.Length..]);
        // FixedTimeEquals is constant-time only over equal lengths; the length of the token is not the secret.
        return CryptographicOperations.FixedTimeEquals(presented, expected);
    }

    private static async Task<(string tool, Trust by)?> ReadRequestAsync(HttpContext context)
    {
        try
        {
            using var json = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("tool", out var tool) || tool.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(tool.GetString())
                || !root.TryGetProperty("by", out var by) || by.ValueKind != JsonValueKind.String
                || !SyntaxKeywords.TryGetTrust(by.GetString(), out var trust))
                return null;
            return (tool.GetString()!, trust);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
