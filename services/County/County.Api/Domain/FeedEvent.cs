namespace CommunityPlatform.County.Domain;

/// <summary>
/// One integration event as the county's feed serves it: a CloudEvents 1.0 envelope around the event's own fields.
/// <see cref="Position"/> is the feed's order and its cursor; positions become visible in order (see
/// <c>EventFeed</c>), so a reader never sees one before a smaller one that is still to commit.
/// </summary>
public sealed class FeedEvent
{
    private FeedEvent()
    {
    }

    public long Position { get; private set; }

    /// <summary>The integration event's id (CloudEvents <c>id</c>); each event is on the feed once.</summary>
    public Guid EventId { get; private set; }

    /// <summary>CloudEvents <c>type</c>, e.g. <c>cn.communityplatform.grid.matter-reported.v1</c>.</summary>
    public string Type { get; private set; } = "";

    /// <summary>CloudEvents <c>source</c>: the producing service, e.g. <c>/communityplatform/grid</c>.</summary>
    public string Source { get; private set; } = "";

    /// <summary>CloudEvents <c>subject</c>: the id of the record the event is about.</summary>
    public string Subject { get; private set; } = "";

    /// <summary>When it happened (the event's <c>OccurredAt</c>).</summary>
    public DateTimeOffset Time { get; private set; }

    /// <summary>The event's fields as snake_case JSON, without the id and time the envelope carries.</summary>
    public string Data { get; private set; } = "{}";

    public DateTimeOffset RecordedAt { get; private set; }

    public static FeedEvent Record(Guid eventId, FeedEventKind kind, string subject, DateTimeOffset time, string data, DateTimeOffset now) => new()
    {
        EventId = eventId, Type = kind.Type, Source = kind.Source, Subject = subject, Time = time, Data = data, RecordedAt = now,
    };
}
