namespace CommunityPlatform.Contracts;

/// <summary>
/// What every integration event carries. Events are past-tense records; changes are additive and a breaking
/// change is a new type, because the type's namespace and name are its identity on the bus.
/// </summary>
public abstract record IntegrationEvent
{
    public required Guid EventId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }
}
