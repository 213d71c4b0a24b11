using Microsoft.AspNetCore.Http;

namespace Trajeckt.Gateway.Http;

/// <summary>Refuses, with 403, a request whose Origin the <see cref="OriginPolicy"/> does not allow.</summary>
internal sealed class OriginMiddleware
{
    private readonly RequestDelegate _next;
    private readonly OriginPolicy _policy;

    public OriginMiddleware(RequestDelegate next, OriginPolicy policy)
    {
        _next = next;
        _policy = policy;
    }

    public Task InvokeAsync(HttpContext context)
    {
        var origin = context.Request.Headers.Origin;
        if (origin.Count == 0 || (origin.Count == 1 && _policy.IsAllowed(origin[0]!)))
            return _next(context);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return context.Response.WriteAsJsonAsync(new { error = "Forbidden: the Origin header names an origin this gateway does not serve (DNS-rebinding protection)." });
    }
}
