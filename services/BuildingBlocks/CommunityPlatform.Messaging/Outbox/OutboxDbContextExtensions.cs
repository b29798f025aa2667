using System.Diagnostics;
using System.Text.Json;
using CommunityPlatform.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.Messaging.Outbox;

public static class OutboxDbContextExtensions
{
    internal static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Queues an integration event in the outbox. It is written by the context's next SaveChanges, in the same
    /// transaction as the state change, and published by the relay only once that transaction has committed.
    /// Services do not call it: their aggregates raise events (<see cref="AggregateRoot"/>), which
    /// <see cref="OutboxCommitInterceptor"/> queues here as the change is saved.
    /// </summary>
    public static void AddIntegrationEvent(this DbContext db, IntegrationEvent integrationEvent)
    {
        var activity = Activity.Current;
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Id = integrationEvent.EventId,
            MessageType = IntegrationEventTypes.NameOf(integrationEvent.GetType()),
            Payload = JsonSerializer.Serialize(integrationEvent, integrationEvent.GetType(), PayloadJson),
            OccurredAt = integrationEvent.OccurredAt,
            TraceParent = activity?.Id is { } id && activity.IdFormat == ActivityIdFormat.W3C ? id : null,
            TraceState = activity?.TraceStateString,
        });
    }
}
