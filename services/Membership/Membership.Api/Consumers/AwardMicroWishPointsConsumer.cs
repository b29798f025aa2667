using CommunityPlatform.Contracts.Grid;
using CommunityPlatform.Membership.Domain;
using CommunityPlatform.Membership.Infrastructure;
using CommunityPlatform.Messaging;
using Microsoft.Extensions.Options;

namespace CommunityPlatform.Membership.Consumers;

/// <summary>A micro-wish (微心愿) fulfilled by a member earns them points.</summary>
public sealed class AwardMicroWishPointsConsumer(
    MembershipDbContext db, PointsLedger ledger, IOptions<PointsRules> rules, MessagingTelemetry telemetry, TimeProvider time)
    : AwardPointsConsumer<MicroWishFulfilled>(db, ledger, telemetry, time)
{
    protected override PointsAward? Award(MicroWishFulfilled fulfilled) => fulfilled.MemberId is { } memberId
        ? new(memberId, rules.Value.PerFulfilledWish, PointsReason.MicroWishFulfilled, $"micro-wish:{fulfilled.MicroWishId}")
        : null;
}
