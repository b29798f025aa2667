using CommunityPlatform.Contracts;
using CommunityPlatform.Contracts.Grid;
using CommunityPlatform.County.Domain;
using CommunityPlatform.County.Infrastructure;
using CommunityPlatform.Messaging;
using CommunityPlatform.Messaging.Inbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.County.Consumers;

/// <summary>
/// Puts an integration event of the suite on the county's feed — one class for every event type, since the feed
/// treats them alike. A matter opened for a county case also moves that case on, and the case's change follows
/// the matter's event on the feed, in the same transaction. The inbox makes a redelivery record nothing twice.
/// </summary>
public sealed class RecordFeedEventConsumer<TEvent>(CountyDbContext db, MessagingTelemetry telemetry, TimeProvider time)
    : InboxConsumer<TEvent, CountyDbContext>(db, telemetry, time)
    where TEvent : IntegrationEvent
{
    protected override async Task HandleAsync(ConsumeContext<TEvent> context, CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        var advanced = await AdvanceCaseAsync(context.Message, now, cancellationToken);
        await Db.AppendToFeedAsync(context.Message, now, cancellationToken);
        if (advanced is not null)
        {
            await Db.AnnounceAsync(advanced, now, cancellationToken);
        }
    }

    /// <summary>The case the event moves on, moved; null when it names none.</summary>
    private async Task<CountyCase?> AdvanceCaseAsync(TEvent message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        (Guid? RequestId, Action<CountyCase> Advance) progress = message switch
        {
            MatterReported e => (e.ServiceRequestId, c => c.MatterOpened(e.MatterId, now)),
            MatterResolved e => (e.ServiceRequestId, c => c.MatterResolved(e.MatterId, now)),
            MatterClosed e => (e.ServiceRequestId, c => c.MatterClosed(e.MatterId, e.Satisfaction, now)),
            MatterReopened e => (e.ServiceRequestId, c => c.MatterReopened(e.MatterId, e.Satisfaction, now)),
            _ => (null, _ => { }),
        };
        if (progress.RequestId is not { } requestId)
        {
            return null;
        }

        // A matter names only cases this service sent to the grid; there is nothing to move for any other id.
        var countyCase = await Db.Cases.SingleOrDefaultAsync(c => c.Id == requestId, cancellationToken);
        if (countyCase is not null)
        {
            progress.Advance(countyCase);
        }

        return countyCase;
    }
}
