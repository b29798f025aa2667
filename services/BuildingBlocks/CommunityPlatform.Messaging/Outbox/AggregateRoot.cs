using System.ComponentModel.DataAnnotations.Schema;
using CommunityPlatform.Contracts;

namespace CommunityPlatform.Messaging.Outbox;

/// <summary>
/// An entity whose transitions raise integration events. A transition calls <see cref="Raise"/>; the next
/// SaveChanges of the context tracking the entity moves the raised events into the outbox, in the same
/// transaction as the change (<see cref="OutboxCommitInterceptor"/>). So no caller has to remember to publish, and
/// no domain method returns an event.
/// </summary>
public abstract class AggregateRoot
{
    // Numbers every raise in the process, so one save writes the events of several aggregates in the order they
    // were raised, not in the order the change tracker happens to list the aggregates.
    private static long _lastRaised;

    private readonly List<(long Order, IntegrationEvent Event)> _raised = [];

    /// <summary>The events raised since the context last saved this entity, in the order they were raised.</summary>
    [NotMapped]
    public IReadOnlyList<IntegrationEvent> Events => [.. _raised.Select(r => r.Event)];

    protected void Raise(IntegrationEvent integrationEvent) => _raised.Add((Interlocked.Increment(ref _lastRaised), integrationEvent));

    /// <summary>The raised events with their order, once: the outbox takes them as the change is saved.</summary>
    internal IReadOnlyList<(long Order, IntegrationEvent Event)> TakeEvents()
    {
        var taken = _raised.ToList();
        _raised.Clear();
        return taken;
    }
}
