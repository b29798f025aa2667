using CommunityPlatform.Grid.Domain;
using CommunityPlatform.Grid.Infrastructure;
using CommunityPlatform.Messaging;
using CommunityPlatform.Messaging.Inbox;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.Grid.Consumers;

/// <summary>
/// Base of the consumers that open or change the matter another service's record stands behind: at most one
/// matter per source record (a unique index backs it), found again by its source.
/// </summary>
public abstract class MatterSourceConsumer<TMessage>(GridDbContext db, MessagingTelemetry telemetry, TimeProvider time)
    : InboxConsumer<TMessage, GridDbContext>(db, telemetry, time)
    where TMessage : class
{
    protected Task<Matter?> MatterForAsync(MatterSource source, string sourceId, CancellationToken cancellationToken) =>
        Db.Matters.SingleOrDefaultAsync(m => m.Source == source && m.SourceId == sourceId, cancellationToken);

    /// <summary>
    /// The matter for a source that must already have one; its opening event travels on another queue and may not
    /// have been applied yet, so failing here lets the retry find it.
    /// </summary>
    protected async Task<Matter> RequireMatterForAsync(MatterSource source, string sourceId, CancellationToken cancellationToken) =>
        await MatterForAsync(source, sourceId, cancellationToken)
        ?? throw new InvalidOperationException($"No matter for {source} {sourceId} yet.");

    /// <summary>Opens the matter unless the source already has one.</summary>
    protected async Task OpenOnceAsync(
        MatterSource source, string sourceId, string gridCode, MatterCategory category, string location, string description,
        DateOnly? dueOn, bool escalated, CancellationToken cancellationToken)
    {
        if (await MatterForAsync(source, sourceId, cancellationToken) is not null)
        {
            return;
        }

        var matter = Matter.OpenFor(source, sourceId, gridCode, category, location, description, dueOn, escalated, Time.GetUtcNow());
        Db.Matters.Add(matter);
    }
}
