using CommunityPlatform.Identity.Domain;

namespace CommunityPlatform.Identity.Infrastructure;

/// <summary>Writes audit entries in their own small transaction, so a refused sign-in is recorded too.</summary>
public sealed class AuditTrail(IdentityDbContext db, TimeProvider time)
{
    public async Task RecordAsync(string action, string actor, string? subject, string? detail, CancellationToken cancellationToken = default)
    {
        db.AuditEntries.Add(new AuditEntry
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
