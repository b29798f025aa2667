namespace CommunityPlatform.Messaging.Inbox;

/// <summary>
/// Records that a consumer applied a message. The primary key (message id, consumer) is what makes
/// redelivery harmless: the second insert conflicts and the consumer skips the message.
/// </summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; init; }

    public required string Consumer { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }
}
