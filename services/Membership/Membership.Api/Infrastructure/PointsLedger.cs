using CommunityPlatform.Membership.Domain;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.Membership.Infrastructure;

/// <summary>
/// Credits points to members in the caller's unit of work, once per source: a replayed event or a repeated
/// make-up finds the earlier entry and adds nothing (the unique index on member and source backs this up).
/// </summary>
public sealed class PointsLedger(MembershipDbContext db, TimeProvider time)
{
    /// <summary>Adds the entry and its <c>PointsAwarded</c> event unless the member was already credited for <paramref name="source"/>.</summary>
    public async Task<bool> AwardAsync(Guid memberId, decimal points, PointsReason reason, string source, CancellationToken cancellationToken)
    {
        if (points <= 0
            || db.PointsEntries.Local.Any(e => e.MemberId == memberId && e.Source == source)
            || await db.PointsEntries.AnyAsync(e => e.MemberId == memberId && e.Source == source, cancellationToken)
            || !await db.Members.AnyAsync(m => m.Id == memberId, cancellationToken))
        {
            return false;
        }

        db.PointsEntries.Add(PointsEntry.Award(memberId, points, reason, source, time.GetUtcNow()));
        return true;
    }
}
