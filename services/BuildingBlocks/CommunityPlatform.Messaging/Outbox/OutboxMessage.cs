namespace CommunityPlatform.Messaging.Outbox;

/// <summary>
/// An integration event waiting to be published, written in the same transaction as the state change that
/// caused it. Its <see cref="Id"/> becomes the broker MessageId, which is what consumers deduplicate on.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; }

    /// <summary>Monotonic position, so events leave in the order they were committed.</summary>
    public long Sequence { get; init; }

    public required string MessageType { get; init; }

    public required string Payload { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>W3C trace context of the request that wrote the event, restored when it is published.</summary>
    public string? TraceParent { get; init; }

    public string? TraceState { get; init; }

    public DateTimeOffset? SentAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>After a failed publish, the row is not claimed again before this time (its own back-off).</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    public string? LastError { get; set; }
}
