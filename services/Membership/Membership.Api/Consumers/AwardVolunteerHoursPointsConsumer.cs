using CommunityPlatform.Contracts.Volunteer;
using CommunityPlatform.Membership.Domain;
using CommunityPlatform.Membership.Infrastructure;
using CommunityPlatform.Messaging;
using Microsoft.Extensions.Options;

namespace CommunityPlatform.Membership.Consumers;

/// <summary>A member's approved volunteer hours earn points, per hour as configured.</summary>
public sealed class AwardVolunteerHoursPointsConsumer(
    MembershipDbContext db, PointsLedger ledger, IOptions<PointsRules> rules, MessagingTelemetry telemetry, TimeProvider time)
    : AwardPointsConsumer<VolunteerHoursCredited>(db, ledger, telemetry, time)
{
    protected override PointsAward? Award(VolunteerHoursCredited credited) => credited is { MemberId: { } memberId, Hours: > 0 }
        ? new(memberId, credited.Hours * rules.Value.PerVolunteerHour, PointsReason.VolunteerHours, $"volunteer-hours:{credited.ServiceRecordId}")
        : null;
}
