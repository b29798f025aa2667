using CommunityPlatform.Contracts.County;
using CommunityPlatform.Contracts.Grid;
using CommunityPlatform.Contracts.Membership;
using CommunityPlatform.Contracts.Reporting;
using CommunityPlatform.Contracts.Safety;
using CommunityPlatform.Contracts.Volunteer;
using CommunityPlatform.ServiceDefaults;

namespace CommunityPlatform.Messaging;

/// <summary>
/// Which service consumes which integration event (the catalogue in DOMAIN.md). A producer declares each
/// subscriber's queue and binding before its first publish of the event, because RabbitMQ confirms and then
/// drops a message sent to an exchange with no bound queue; a consumer listens on the same queue name.
/// </summary>
public static class EventSubscriptions
{
    public static IReadOnlyDictionary<Type, string[]> Catalogue { get; } = new Dictionary<Type, string[]>
    {
        // The county feed records every event of the suite except the county service's own, which it writes to its
        // feed in the transaction that makes them. An event declared with no subscriber is published for whoever
        // binds later, while the producer's own tables remain the record; an event missing from this catalogue, by
        // contrast, must reach a queue or stay in the outbox.
        [typeof(MemberRegistered)] = [BusNames.Volunteer, BusNames.County],
        [typeof(MemberStatusChanged)] = [BusNames.Volunteer, BusNames.County],
        [typeof(MeetingHeld)] = [BusNames.County],
        [typeof(PointsAwarded)] = [BusNames.County],
        [typeof(MicroWishClaimed)] = [BusNames.County],
        [typeof(InspectionCompleted)] = [BusNames.County],
        [typeof(VolunteerActivityCompleted)] = [BusNames.County],
        [typeof(VolunteerActivityCancelled)] = [BusNames.County],
        [typeof(HalfYearReportFrozen)] = [BusNames.County],
        [typeof(GridCreated)] = [BusNames.Safety, BusNames.Volunteer, BusNames.County],
        [typeof(GridRenamed)] = [BusNames.Safety, BusNames.Volunteer, BusNames.County],
        [typeof(MatterReported)] = [BusNames.Safety, BusNames.County],
        [typeof(MatterResolved)] = [BusNames.Membership, BusNames.County],
        [typeof(MatterClosed)] = [BusNames.County],
        [typeof(MatterReopened)] = [BusNames.County],
        [typeof(MicroWishFulfilled)] = [BusNames.Membership, BusNames.County],
        [typeof(VolunteerHoursCredited)] = [BusNames.Membership, BusNames.County],
        [typeof(HazardReported)] = [BusNames.Grid, BusNames.County],
        [typeof(HazardRectified)] = [BusNames.Grid, BusNames.County],
        [typeof(HazardReopened)] = [BusNames.Grid, BusNames.County],
        [typeof(HazardOverdue)] = [BusNames.Grid, BusNames.County],
        [typeof(PatrolQuotaMissed)] = [BusNames.Grid, BusNames.County],
        [typeof(PatrolObservationReported)] = [BusNames.Grid, BusNames.County],
        [typeof(CountyCaseSignedFor)] = [BusNames.Grid],
        [typeof(CountyCaseStatusChanged)] = [],
    };

    /// <summary>The durable queue of <paramref name="service"/> for <paramref name="messageType"/>, e.g. volunteer-member-registered.</summary>
    public static string QueueName(string service, Type messageType) =>
        $"{service}-{IntegrationEventTypes.KebabNameOf(messageType)}";
}
