using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.ServiceKit.Persistence;
using CommunityPlatform.ServiceKit.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityPlatform.ServiceKit.Web;

/// <summary>
/// <c>Idempotency-Key</c> for writes a mobile client may retry (a grid worker's report sent again after the network
/// dropped): the first request's answer is stored with its effect, in the same transaction, and a retry with the
/// same key gets that answer again instead of a second record. The same key with a different request is refused.
/// </summary>
public static class Idempotency
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int KeyMaxLength = 100;

    /// <summary>How long a stored answer is replayed; clients retry within minutes, so a week is generous.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    /// <summary>Keeps <c>idempotent_requests</c> to <see cref="Retention"/>, purging older answers hourly.</summary>
    public static IServiceCollection AddIdempotency<TDbContext>(this IServiceCollection services)
        where TDbContext : DbContext =>
        services.AddHostedService<IdempotencyHousekeeping<TDbContext>>();

    /// <summary>
    /// Answers a request carrying <see cref="Header"/> once; a retry replays the stored answer. What identifies the
    /// request, beside the caller, method and path, is what the endpoint binds from the request itself: its JSON
    /// body and its route values (<see cref="RequestIdentity"/>).
    /// </summary>
    public static RouteHandlerBuilder WithIdempotency<TDbContext>(this RouteHandlerBuilder endpoint)
        where TDbContext : DbContext =>
        endpoint.AddEndpointFilterFactory((factory, next) =>
        {
            var identity = new RequestIdentity(factory.MethodInfo.GetParameters());
            var create = ActivatorUtilities.CreateFactory<IdempotencyFilter<TDbContext>>([typeof(RequestIdentity)]);
            return invocation => create(invocation.HttpContext.RequestServices, [identity]).InvokeAsync(invocation, next);
        });

    /// <summary>Adds the <c>idempotent_requests</c> table to a service's model.</summary>
    public static ModelBuilder AddIdempotentRequests(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<IdempotentRequest>(request =>
        {
            request.ToTable("idempotent_requests");
            request.HasKey(r => new { r.Caller, r.Key });
            request.Property(r => r.Caller).HasMaxLength(200);
            request.Property(r => r.Key).HasMaxLength(KeyMaxLength);
            request.Property(r => r.Endpoint).HasMaxLength(300);
            request.Property(r => r.RequestHash).HasMaxLength(64);
            request.Property(r => r.Location).HasMaxLength(500);
            request.HasIndex(r => r.CreatedAt);
        });
        return modelBuilder;
    }
}

/// <summary>A stored answer to a request made with an idempotency key, per caller.</summary>
public sealed class IdempotentRequest
{
    public required string Caller { get; init; }

    public required string Key { get; init; }

    /// <summary>Method and path, e.g. POST /api/grid/matters.</summary>
    public required string Endpoint { get; init; }

    /// <summary>SHA-256 of the request body and route values as bound, so a reused key with a different request is caught.</summary>
    public required string RequestHash { get; init; }

    public int StatusCode { get; init; }

    public string? Location { get; init; }

    public string? ResponseJson { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>
/// Which of a handler's arguments a request with an idempotency key is recognised by: the body the endpoint accepts
/// (the type its accepts metadata names) and the values bound from its route, in the handler's parameter order.
/// Services, the caller and the cancellation token are not the request; the caller is part of the key already.
/// </summary>
internal sealed class RequestIdentity(ParameterInfo[] parameters)
{
    public IEnumerable<object> Of(EndpointFilterInvocationContext invocation)
    {
        var http = invocation.HttpContext;
        var body = http.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        for (var i = 0; i < parameters.Length; i++)
        {
            var fromRequest = parameters[i].ParameterType == body || (parameters[i].Name is { } name && http.Request.RouteValues.ContainsKey(name));
            if (fromRequest && invocation.Arguments[i] is { } argument)
            {
                yield return argument;
            }
        }
    }
}

internal sealed class IdempotencyFilter<TDbContext>(TDbContext db, IOptions<JsonOptions> json, TimeProvider time, RequestIdentity identity) : IEndpointFilter
    where TDbContext : DbContext
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.Headers.TryGetValue(Idempotency.Header, out var header))
        {
            return await next(context);
        }

        var key = header.ToString().Trim();
        new Validation()
            .Require(key.Length is > 0 and <= Idempotency.KeyMaxLength && key.All(c => c is > ' ' and < (char)127), Idempotency.Header,
                ValidationFailure.Length(1, Idempotency.KeyMaxLength, $"must be 1 to {Idempotency.KeyMaxLength} visible ASCII characters, e.g. a UUID the client made for this write."))
            .ThrowIfInvalid();
        var caller = http.User.Id();
        var endpoint = $"{http.Request.Method} {http.Request.Path}";
        var hash = Hash(identity.Of(context));

        var stored = await db.Set<IdempotentRequest>().AsNoTracking().SingleOrDefaultAsync(r => r.Caller == caller && r.Key == key, http.RequestAborted);
        if (stored is not null)
        {
            if (stored.Endpoint != endpoint || stored.RequestHash != hash)
            {
                throw new DomainRuleViolationException(
                    "idempotency.key-reused", $"The {Idempotency.Header} was already used for a different request; make a new key for a new write.");
            }

            return new StoredAnswer(stored);
        }

        // The effect and the stored answer commit together: a retry finds either both or neither.
        return await db.InRetriedTransactionAsync(async cancellationToken =>
        {
            var returned = await next(context);
            // A handler declared as Results<A, B> returns the union; the answer to store is the one inside it.
            var result = returned is INestedHttpResult nested ? nested.Result : returned;
            if (result is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } success)
            {
                db.Set<IdempotentRequest>().Add(new IdempotentRequest
                {
                    Caller = caller,
                    Key = key,
                    Endpoint = endpoint,
                    RequestHash = hash,
                    StatusCode = success.StatusCode.Value,
                    Location = result.GetType().GetProperty("Location")?.GetValue(result) as string,
                    ResponseJson = result is IValueHttpResult { Value: { } value } ? JsonSerializer.Serialize(value, value.GetType(), json.Value.SerializerOptions) : null,
                    CreatedAt = time.GetUtcNow(),
                });
                await db.SaveChangesAsync(cancellationToken);
            }

            return returned;
        }, http.RequestAborted);
    }

    private string Hash(IEnumerable<object> request)
    {
        var parts = request.Select(argument => JsonSerializer.Serialize(argument, argument.GetType(), json.Value.SerializerOptions));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", parts))));
    }

    private sealed class StoredAnswer(IdempotentRequest stored) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = stored.StatusCode;
            httpContext.Response.Headers[Idempotency.ReplayedHeader] = "true";
            if (stored.Location is { } location)
            {
                httpContext.Response.Headers.Location = location;
            }

            if (stored.ResponseJson is { } body)
            {
                httpContext.Response.ContentType = "application/json; charset=utf-8";
                await httpContext.Response.WriteAsync(body, httpContext.RequestAborted);
            }
        }
    }
}

internal sealed partial class IdempotencyHousekeeping<TDbContext>(
    IServiceScopeFactory scopes, TimeProvider time, ILogger<IdempotencyHousekeeping<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var cutoff = time.GetUtcNow() - Idempotency.Retention;
                await scope.ServiceProvider.GetRequiredService<TDbContext>().Set<IdempotentRequest>()
                    .Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be away for a while; the next round tries again.
                LogPurgeFailed(logger, ex.GetType().Name, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging old idempotent answers failed ({ErrorType}: {Error}); retrying in an hour")]
    private static partial void LogPurgeFailed(ILogger logger, string errorType, string error);
}
