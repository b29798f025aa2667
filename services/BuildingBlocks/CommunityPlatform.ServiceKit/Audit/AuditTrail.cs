using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.ServiceKit.Audit;

/// <summary>
/// Writes audit entries to the service's own database. Each call commits at once, so a refused attempt (a failed
/// sign-in) is recorded although the request fails.
/// </summary>
public sealed class AuditTrail(DbContext db, TimeProvider time)
{
    public async Task RecordAsync(string action, string actor, string? subject, string? detail, CancellationToken cancellationToken = default)
    {
        db.Set<AuditEntry>().Add(new AuditEntry
        {
            OccurredAt = time.GetUtcNow(),
            Action = action,
            Actor = actor.Length > 200 ? actor[..200] : actor,
            Subject = subject,
            Detail = detail,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
