using System.Text.RegularExpressions;
using CommunityPlatform.Contracts.County;
using CommunityPlatform.Contracts.Grid;
using CommunityPlatform.Contracts.Membership;
using CommunityPlatform.Contracts.Reporting;
using CommunityPlatform.Contracts.Safety;
using CommunityPlatform.Contracts.Volunteer;

namespace CommunityPlatform.Messaging;

/// <summary>
/// Which service consumes which integration event (the catalogue in DOMAIN.md). A producer declares each
/// subscriber's queue and binding before its first publish of the event, because RabbitMQ confirms and then
/// drops a message sent to an exchange with no bound queue; a consumer listens on the same queue name.
/// </summary>
public static partial class EventSubscriptions
{
    public static IReadOnlyDictionary<Type, string[]> Catalogue { get; } = new Dictionary<Type, string[]>
    {
        // The county feed records every event of the suite except the county service's own, which it writes to its
        // feed in the transaction that makes them. An event declared with no subscriber is published for whoever
        // binds later, while the producer's own tables remain the record; an event missing from this catalogue, by
        // contrast, must reach a queue or stay in the outbox.
        [typeof(MemberRegistered)] = ["volunteer", "county"],
        [typeof(MemberStatusChanged)] = ["volunteer", "county"],
        [typeof(MeetingHeld)] = ["county"],
        [typeof(PointsAwarded)] = ["county"],
        [typeof(MicroWishClaimed)] = ["county"],
        [typeof(InspectionCompleted)] = ["county"],
        [typeof(VolunteerActivityCompleted)] = ["county"],
        [typeof(VolunteerActivityCancelled)] = ["county"],
        [typeof(HalfYearReportFrozen)] = ["county"],
        [typeof(GridCreated)] = ["safety", "volunteer", "county"],
        [typeof(GridRenamed)] = ["safety", "volunteer", "county"],
        [typeof(MatterReported)] = ["safety", "county"],
        [typeof(MatterResolved)] = ["membership", "county"],
        [typeof(MatterClosed)] = ["county"],
        [typeof(MatterReopened)] = ["county"],
        [typeof(MicroWishFulfilled)] = ["membership", "county"],
        [typeof(VolunteerHoursCredited)] = ["membership", "county"],
        [typeof(HazardReported)] = ["grid", "county"],
        [typeof(HazardRectified)] = ["grid", "county"],
        [typeof(HazardReopened)] = ["grid", "county"],
        [typeof(HazardOverdue)] = ["grid", "county"],
        [typeof(PatrolQuotaMissed)] = ["grid", "county"],
        [typeof(PatrolObservationReported)] = ["grid", "county"],
        [typeof(CountyCaseSignedFor)] = ["grid"],
        [typeof(CountyCaseStatusChanged)] = [],
    };

    /// <summary>The durable queue of <paramref name="service"/> for <paramref name="messageType"/>, e.g. volunteer-member-registered.</summary>
    public static string QueueName(string service, Type messageType) =>
        $"{service}-{KebabBoundary().Replace(messageType.Name, "-$1").ToLowerInvariant()}";

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])")]
    private static partial Regex KebabBoundary();
}
