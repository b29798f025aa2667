using CommunityPlatform.Identity.Domain;
using CommunityPlatform.ServiceKit.Audit;
using CommunityPlatform.Identity.Infrastructure;
using CommunityPlatform.ServiceKit.Web;
using Microsoft.AspNetCore.Http.HttpResults;
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
        IdentityDbContext db, string? action, long? cursor, int? limit, CancellationToken cancellationToken)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(action))
        {
            query = query.Where(a => a.Action == action);
        }

        return TypedResults.Ok(await query.ToNewestFirstPageAsync(cursor, limit, a => a, cancellationToken));
    }
}
