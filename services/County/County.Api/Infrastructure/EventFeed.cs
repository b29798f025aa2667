using CommunityPlatform.Contracts;
using CommunityPlatform.County.Domain;
using CommunityPlatform.ServiceKit.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.County.Infrastructure;

/// <summary>
/// Writes to the county's event feed. A reader at cursor N asks for positions above N; if a row with a smaller
/// position could commit after a larger one, the reader would already have moved past it and never see it. So
/// every writer takes one transaction-scoped advisory lock just before its insert and holds it to its commit:
/// positions are drawn and committed one transaction at a time, in order.
/// </summary>
public static class EventFeed
{
    // Any constant will do: it names the feed's one lock within this service's own database.
    private const long AppendLock = 0x636F_756E_7479;

    /// <summary>
    /// Adds <paramref name="integrationEvent"/> to the feed in the caller's transaction (written by its next
    /// SaveChanges). Call it last before saving, since every other feed writer waits for this transaction's commit.
    /// </summary>
    public static async Task AppendToFeedAsync(this CountyDbContext db, IntegrationEvent integrationEvent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.LockFeedAsync(cancellationToken);
        db.FeedEvents.Add(FeedCatalogue.Record(integrationEvent, now));
    }

    /// <summary>Takes the feed's lock until the caller's transaction ends (again, if it already holds it).</summary>
    public static async Task LockFeedAsync(this CountyDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The feed is written only inside a transaction: its lock must last until the commit.");
        }

        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AppendLock})", cancellationToken);
    }

    /// <summary>
    /// Puts the events <paramref name="countyCase"/> raised on the feed, in the order it raised them; the save that
    /// writes them there also takes them into the outbox, for the bus. Call it last before saving, as
    /// <see cref="AppendToFeedAsync"/>.
    /// </summary>
    public static async Task AnnounceAsync(this CountyDbContext db, CountyCase countyCase, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var raised in countyCase.Events)
        {
            await db.AppendToFeedAsync(raised, now, cancellationToken);
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction that saves and commits at the end, retried whole on a transient
    /// failure — or inside the transaction already open (an <c>Idempotency-Key</c> request's), which commits it.
    /// </summary>
    public static async Task<T> InTransactionAsync<T>(this CountyDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            var result = await work(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return result;
        }

        return await db.InRetriedTransactionAsync(async ct =>
        {
            var result = await work(ct);
            await db.SaveChangesAsync(ct);
            return result;
        }, cancellationToken);
    }
}
