using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Net.Http.Headers;

namespace CommunityPlatform.Gateway.Extensions;

/// <summary>
/// What the front door does before anything is forwarded: per-caller and per-address rate limits (429 with
/// Retry-After), a request body limit, CORS for the configured front ends, and security headers.
/// </summary>
internal static class GatewayProtection
{
    private const string CorsPolicy = "front-ends";

    /// <summary>
    /// No page of the suite uses a camera, microphone, location, payment or USB device, so none may ask for one (nor
    /// may anything framed or injected). Field work that wants the inspector's location would allow geolocation=(self).
    /// </summary>
    private const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    public static void AddGatewayProtection(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Gateway").Get<GatewayProtectionOptions>() ?? new GatewayProtectionOptions();
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel =>
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);

        builder.Services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
            .WithOrigins([.. options.CorsOrigins])
            .AllowAnyHeader()
            .AllowAnyMethod()
            .WithExposedHeaders("Location", "Retry-After")));

        builder.Services.AddRateLimiter(limiter =>
        {
            // Only the APIs and sign-in are limited: health probes are the orchestrator's, and the workbench's static files
            // (a few dozen per page load, revalidated by ETag) would otherwise spend a person's budget before their first call.
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http => !IsLimited(http)
                    ? RateLimitPartition.GetNoLimiter("unlimited")
                    : RateLimitPartition.GetFixedWindowLimiter("caller:" + CallerOf(http), _ => Window(options.RequestsPerCaller, options.Window))),
                PartitionedRateLimiter.Create<HttpContext, string>(http => !IsLimited(http)
                    ? RateLimitPartition.GetNoLimiter("unlimited")
                    : RateLimitPartition.GetFixedWindowLimiter("address:" + AddressOf(http), _ => Window(options.RequestsPerAddress, options.Window))));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.Window;
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await TypedResults.Problem(
                    title: "Too many requests.",
                    detail: $"Slow down: try again in {Math.Ceiling(retryAfter.TotalSeconds)} s.",
                    statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context.HttpContext);
            };
        });
    }

    public static void UseGatewayProtection(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            // Set as the answer starts, after the proxy has copied a service's headers: the front door's policy replaces
            // whatever a service said (the identity service's antiforgery adds its own X-Frame-Options), so a browser
            // sees one value, not two that contradict each other, and no Server header naming what runs behind.
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers.ContentSecurityPolicy = "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";
                headers["Permissions-Policy"] = PermissionsPolicy;
                headers.Remove(HeaderNames.Server);
                return Task.CompletedTask;
            });
            return next(http);
        });
        app.UseCors(CorsPolicy);
        // The browser session's person, if any, so that the limits count people, not an office's shared address.
        app.UseGatewaySession();
        app.UseRateLimiter();
        // Refuse a declared oversized body before forwarding a byte of it; Kestrel's limit covers chunked bodies.
        var limit = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>>().Value.Limits.MaxRequestBodySize;
        app.Use(async (http, next) =>
        {
            if (http.Request.ContentLength > limit)
            {
                await TypedResults.Problem(
                    title: "The request body is too large.",
                    detail: $"At most {limit} bytes are accepted.",
                    statusCode: StatusCodes.Status413PayloadTooLarge).ExecuteAsync(http);
                return;
            }

            await next();
        });
    }

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
    {
        PermitLimit = permits,
        Window = window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    /// <summary>
    /// The token's subject, read without validating it: a forged subject only chooses the forger's own bucket,
    /// and the per-address limit still applies. The services validate the token. A browser session's person is
    /// known from the session cookie; anyone else by their address.
    /// </summary>
    private static string CallerOf(HttpContext http)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        var parts = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim().Split('.') : [];
        if (parts.Length == 3)
        {
            try
            {
                var payload = parts[1].Replace('-', '+').Replace('_', '/');
                payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
                using var claims = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
                if (claims.RootElement.TryGetProperty("sub", out var subject) && subject.GetString() is { Length: > 0 } sub)
                {
                    return sub;
                }
            }
            catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException)
            {
                // Not a readable JWT: the caller is known by its address only, and the service will refuse the token.
            }
        }

        return http.User.FindFirst("sub")?.Value is { Length: > 0 } person ? "session:" + person : AddressOf(http);
    }

    /// <summary>The paths that do work for a caller: the services' APIs, sign-in and the identity service's endpoints.</summary>
    private static bool IsLimited(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/connect") || http.Request.Path.StartsWithSegments("/account")
        || http.Request.Path.StartsWithSegments("/login") || http.Request.Path.StartsWithSegments("/session");

    private static string AddressOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
