using System.Globalization;
using System.Security.Claims;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.ServiceKit.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.ServiceKit.Audit;

/// <summary>
/// Writes audit entries to the service's own database. Each call commits at once, so a refused attempt (a failed
/// sign-in) is recorded although the request fails.
/// </summary>
public sealed class AuditTrail(DbContext db, TimeProvider time)
{
    public async Task RecordAsync(string action, string actor, string? subject, string? detail, CancellationToken cancellationToken = default, string? actorName = null)
    {
        db.Set<AuditEntry>().Add(new AuditEntry
        {
            OccurredAt = time.GetUtcNow(),
            Action = action,
            Actor = Cut(actor, 200)!,
            ActorName = Cut(actorName, 100),
            Subject = subject,
            Detail = Cut(detail, 500),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Records what <paramref name="caller"/> did, by their id and display name.</summary>
    public Task RecordAsync(string action, ClaimsPrincipal caller, string? subject, string? detail, CancellationToken cancellationToken = default) =>
        RecordAsync(action, caller.Id(), subject, detail, cancellationToken, caller.FindFirstValue("name"));

    private static string? Cut(string? text, int length) => text is { Length: var n } && n > length ? text[..length] : text;
}

public static class AuditPages
{
    /// <summary>One page of audit entries, newest first; the cursor is the id of the last entry of the page before.</summary>
    public static async Task<Page<T>> ToNewestFirstPageAsync<T>(
        this IQueryable<AuditEntry> query, long? cursor, int? limit, Func<AuditEntry, T> map, CancellationToken cancellationToken)
    {
        var take = Page<T>.ClampLimit(limit);
        if (cursor is { } before)
        {
            query = query.Where(a => a.Id < before);
        }

        var rows = await query.OrderByDescending(a => a.Id).Take(take + 1).ToListAsync(cancellationToken);
        var items = rows.Take(take).ToList();
        return new Page<T>(items.Select(map).ToList(), rows.Count > take ? items[^1].Id.ToString(CultureInfo.InvariantCulture) : null);
    }
}
