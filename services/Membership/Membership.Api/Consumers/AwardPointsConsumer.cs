using CommunityPlatform.Membership.Domain;
using CommunityPlatform.Membership.Infrastructure;
using CommunityPlatform.Messaging;
using CommunityPlatform.Messaging.Inbox;
using MassTransit;

namespace CommunityPlatform.Membership.Consumers;

/// <summary>
/// Credits points for another service's event, once per source record: the inbox absorbs a redelivery, the
/// ledger an event announced again under a new message id.
/// </summary>
public abstract class AwardPointsConsumer<TMessage>(MembershipDbContext db, PointsLedger ledger, MessagingTelemetry telemetry, TimeProvider time)
    : InboxConsumer<TMessage, MembershipDbContext>(db, telemetry, time)
    where TMessage : class
{
    protected override async Task HandleAsync(ConsumeContext<TMessage> context, CancellationToken cancellationToken)
    {
        if (Award(context.Message) is { } award)
        {
            await ledger.AwardAsync(award.MemberId, award.Points, award.Reason, award.Source, cancellationToken);
        }
    }

    /// <summary>What the event earns, or null when it earns a member nothing (e.g. no member was involved).</summary>
    protected abstract PointsAward? Award(TMessage message);
}

public sealed record PointsAward(Guid MemberId, decimal Points, PointsReason Reason, string Source);
