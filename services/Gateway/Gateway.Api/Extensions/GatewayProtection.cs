using System.Globalization;
using System.Threading.RateLimiting;
using CommunityPlatform.ServiceKit.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
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

    /// <summary>Where a request's validated bearer subject waits for the rate limiter (<see cref="HttpContext.Items"/>).</summary>
    private static readonly object ValidatedSubject = new();

    /// <summary>
    /// No page of the suite uses a camera, microphone, location, payment or USB device, so none may ask for one (nor
    /// may anything framed or injected). Field work that wants the inspector's location would allow geolocation=(self).
    /// </summary>
    private const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    public static void AddGatewayProtection(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Gateway").Get<GatewayProtectionOptions>() ?? new GatewayProtectionOptions();
        if (ValidatesTokens(builder.Configuration))
        {
            builder.Services.AddAuthentication().AddIdentityServiceBearer();
        }

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
        // The browser session's person, if any, and a bearer token's once validated, so that the limits count people,
        // not an office's shared address.
        app.UseGatewaySession();
        if (ValidatesTokens(app.Configuration))
        {
            app.Use(async (http, next) =>
            {
                if (IsLimited(http) && http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    && await http.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme) is { Succeeded: true } bearer
                    && bearer.Principal.FindFirst("sub")?.Value is { Length: > 0 } subject)
                {
                    http.Items[ValidatedSubject] = subject;
                }

                await next(http);
            });
        }

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
    /// Who spends the per-caller budget: the person (or machine client) of a bearer token the gateway validated, or of
    /// the browser session — one budget for both; anyone else, an invalid or forged token included, by their address.
    /// A subject read from an unvalidated token would let anyone spend someone else's budget.
    /// </summary>
    private static string CallerOf(HttpContext http) =>
        http.Items[ValidatedSubject] is string subject ? "person:" + subject
        : http.User.FindFirst("sub")?.Value is { Length: > 0 } person ? "person:" + person
        : AddressOf(http);

    /// <summary>The gateway validates tokens when it knows their issuer; without one (its header tests) every caller is an address.</summary>
    private static bool ValidatesTokens(IConfiguration configuration) => configuration["Authentication:Issuer"] is not null;

    /// <summary>The paths that do work for a caller: the services' APIs, sign-in and the identity service's endpoints.</summary>
    private static bool IsLimited(HttpContext http) =>
        LimitedPaths.Any(path => http.Request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase));

    private static readonly string[] LimitedPaths = ["/api", "/connect", "/account", "/login", "/session"];

    private static string AddressOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
