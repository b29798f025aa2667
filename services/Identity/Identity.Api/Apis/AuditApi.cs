using CommunityPlatform.Identity.Domain;
using CommunityPlatform.ServiceKit.Audit;
using CommunityPlatform.Identity.Infrastructure;
using CommunityPlatform.ServiceKit.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.Identity.Apis;

public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/identity/audit", ListAuditEntries)
            .WithTags("Audit")
            .WithName("ListAuditEntries")
            .WithSummary("The security audit trail, newest first, optionally of one action; secretary only")
            .RequireAuthorization(Extensions.Extensions.ReadAudit);
        return app;
    }

    public static async Task<Ok<Page<AuditEntry>>> ListAuditEntries(
        IdentityDbContext db, [AsParameters] AuditEntryFilter filter, long? cursor, int? limit, CancellationToken cancellationToken) =>
        TypedResults.Ok(await filter.Apply(db.AuditEntries.AsNoTracking()).ToNewestFirstPageAsync(cursor, limit, a => a, cancellationToken));
}

/// <summary>The filter of the audit trail.</summary>
public sealed class AuditEntryFilter
{
    [FromQuery(Name = "action")]
    public string? Action { get; init; }

    internal IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> query)
    {
        query = query.WhereIf(!string.IsNullOrWhiteSpace(Action), a => a.Action == Action);

        return query;
    }
}
