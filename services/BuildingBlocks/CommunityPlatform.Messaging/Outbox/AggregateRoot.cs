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
    private readonly List<IntegrationEvent> _raised = [];

    /// <summary>The events raised since the context last saved this entity, in the order they were raised.</summary>
    [NotMapped]
    public IReadOnlyList<IntegrationEvent> Events => _raised;

    protected void Raise(IntegrationEvent integrationEvent) => _raised.Add(integrationEvent);

    /// <summary>The raised events, once: the outbox takes them as the change is saved.</summary>
    internal IReadOnlyList<IntegrationEvent> TakeEvents()
    {
        var taken = _raised.ToList();
        _raised.Clear();
        return taken;
    }
}
