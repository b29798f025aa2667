using System.Collections.Concurrent;
using CommunityPlatform.Messaging.Inbox;
using MassTransit;

namespace CommunityPlatform.Messaging.Tests.Ledger;

public sealed class RecordEffectConsumer(LedgerDbContext db, MessagingTelemetry telemetry, TimeProvider time)
    : InboxConsumer<LedgerEntryRecorded, LedgerDbContext>(db, telemetry, time)
{
    /// <summary>Entries whose next application writes its effect, then fails before the commit.</summary>
    public static readonly ConcurrentDictionary<Guid, bool> FailAfterWrite = new();

    protected override async Task HandleAsync(ConsumeContext<LedgerEntryRecorded> context, CancellationToken cancellationToken)
    {
        if (context.Message.Poison)
        {
            throw new InvalidOperationException("Poison entry.");
        }

        Db.Effects.Add(new Effect { EntryId = context.Message.EntryId });
        if (FailAfterWrite.TryRemove(context.Message.EntryId, out _))
        {
            await Db.SaveChangesAsync(cancellationToken);
            throw new InvalidOperationException("Crash after the write, before the commit.");
        }
    }
}
