using CommunityPlatform.Grid.Domain;
using CommunityPlatform.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommunityPlatform.Grid.Infrastructure;

/// <summary>
/// Moves the events a matter's transitions announced into the outbox as the change is saved, so every path that
/// closes a matter (the close endpoint, a rectified hazard) publishes <c>MatterClosed</c> in the same transaction
/// without each of them having to remember it.
/// </summary>
internal sealed class MatterAnnouncements : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Take(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Take(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Take(DbContext? context)
    {
        if (context is not GridDbContext db)
        {
            return;
        }

        foreach (var announced in db.ChangeTracker.Entries<Matter>().SelectMany(entry => entry.Entity.TakeAnnouncements()).ToList())
        {
            db.AddIntegrationEvent(announced);
        }
    }
}
