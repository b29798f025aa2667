using CommunityPlatform.Contracts.Grid;
using CommunityPlatform.Membership.Domain;
using CommunityPlatform.Membership.Infrastructure;
using CommunityPlatform.Messaging;
using Microsoft.Extensions.Options;

namespace CommunityPlatform.Membership.Consumers;

/// <summary>A residents' matter resolved by a member earns the resolver points.</summary>
public sealed class AwardMatterResolutionPointsConsumer(
    MembershipDbContext db, PointsLedger ledger, IOptions<PointsRules> rules, MessagingTelemetry telemetry, TimeProvider time)
    : AwardPointsConsumer<MatterResolved>(db, ledger, telemetry, time)
{
    protected override PointsAward? Award(MatterResolved resolved) => resolved.ResolverMemberId is { } memberId
        ? new(memberId, rules.Value.PerResolvedMatter, PointsReason.MatterResolved, $"matter:{resolved.MatterId}")
        : null;
}
