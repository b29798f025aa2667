using CommunityPlatform.Messaging.Outbox;
using CommunityPlatform.Messaging.Tests.Ledger;
using CommunityPlatform.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPlatform.Messaging.Tests;

/// <summary>
/// Events an aggregate raises (<see cref="AggregateRoot"/>) reach the outbox through the save that writes the change
/// and only through it, on a scratch service's real database.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class RaisedEventsTests(LocalInfrastructureFixture infrastructure)
{
    private static string NewServiceName() => "ledger" + Guid.NewGuid().ToString("N")[..8];

    private static LedgerEntryRecorded Recorded() => new() { EventId = Guid.CreateVersion7(), OccurredAt = DateTimeOffset.UtcNow, EntryId = Guid.NewGuid() };

    [Fact]
    public async Task Raised_events_are_written_by_the_save_of_the_change_and_taken_once()
    {
        await using var service = new LedgerService(infrastructure, NewServiceName());
        await service.StartAsync();
        var raised = Recorded();
        await using var scope = service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();

        var effect = new Effect { EntryId = raised.EntryId }.Raising(raised);
        db.Effects.Add(effect);
        await db.SaveChangesAsync();

        Assert.Empty(effect.Events);
        Assert.Equal([raised.EventId], await service.OutboxIdsAsync(raised.EventId));

        // A later save of the same context, with another change, writes nothing of the first one's again.
        db.Effects.Add(new Effect { EntryId = Guid.NewGuid() });
        await db.SaveChangesAsync();
        Assert.Equal([raised.EventId], await service.OutboxIdsAsync(raised.EventId));
    }

    [Fact]
    public async Task Raised_events_are_not_written_when_the_transaction_rolls_back_or_the_save_fails()
    {
        await using var service = new LedgerService(infrastructure, NewServiceName());
        await service.StartAsync();
        var rolledBack = Recorded();
        var failed = Recorded();

        await using (var scope = service.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                db.Effects.Add(new Effect { EntryId = rolledBack.EntryId }.Raising(rolledBack));
                await db.SaveChangesAsync();
                Assert.Equal(1, await db.Set<OutboxMessage>().CountAsync(m => m.Id == rolledBack.EventId));
                await transaction.RollbackAsync();
            });
        }

        long taken;
        await using (var scope = service.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            var first = new Effect { EntryId = Guid.NewGuid() };
            db.Effects.Add(first);
            await db.SaveChangesAsync();
            taken = first.Id;
        }

        await using (var scope = service.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            // The row's key is taken: the insert fails, and the event raised with it goes nowhere.
            db.Effects.Add(new Effect { Id = taken, EntryId = failed.EntryId }.Raising(failed));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        Assert.Empty(await service.OutboxIdsAsync(rolledBack.EventId, failed.EventId));
        var effects = await service.EffectsAsync();
        Assert.DoesNotContain(rolledBack.EntryId, effects.Keys);
        Assert.DoesNotContain(failed.EntryId, effects.Keys);
    }

    [Fact]
    public async Task A_commit_that_wrote_raised_events_wakes_the_relay()
    {
        // Polling an hour apart, only the commit signal can get the event out within the test's patience.
        await using var service = new LedgerService(infrastructure, NewServiceName(), new Dictionary<string, string?> { ["Messaging:Outbox:PollInterval"] = "01:00:00" });
        await service.StartAsync();
        var raised = Recorded();

        await using (var scope = service.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            db.Effects.Add(new Effect { EntryId = Guid.NewGuid() }.Raising(raised));
            await db.SaveChangesAsync();
        }

        await Eventually.ReturnsAsync(service.EffectsAsync, e => e.ContainsKey(raised.EntryId), TimeSpan.FromSeconds(30), "the raised event applied by its consumer");
    }
}
