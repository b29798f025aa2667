using System.Text.RegularExpressions;
using CommunityPlatform.Contracts.Grid;
using CommunityPlatform.Contracts.Membership;
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
        [typeof(MemberRegistered)] = ["volunteer"],
        [typeof(MemberStatusChanged)] = ["volunteer"],
        // Declared with no subscriber: published for whoever binds later (a reporting service, the county feed),
        // while the producer's own tables remain the record. An event missing from this catalogue, by contrast,
        // must reach a queue or stay in the outbox.
        [typeof(MeetingHeld)] = [],
        [typeof(PointsAwarded)] = [],
        [typeof(MicroWishClaimed)] = [],
        [typeof(InspectionCompleted)] = [],
        [typeof(VolunteerActivityCompleted)] = [],
        [typeof(VolunteerActivityCancelled)] = [],
        [typeof(GridCreated)] = ["safety", "volunteer"],
        [typeof(GridRenamed)] = ["safety", "volunteer"],
        [typeof(MatterReported)] = ["safety"],
        [typeof(MatterResolved)] = ["membership"],
        [typeof(MicroWishFulfilled)] = ["membership"],
        [typeof(VolunteerHoursCredited)] = ["membership"],
        [typeof(HazardReported)] = ["grid"],
        [typeof(HazardRectified)] = ["grid"],
        [typeof(HazardOverdue)] = ["grid"],
        [typeof(PatrolQuotaMissed)] = ["grid"],
        [typeof(PatrolObservationReported)] = ["grid"],
    };

    /// <summary>The durable queue of <paramref name="service"/> for <paramref name="messageType"/>, e.g. volunteer-member-registered.</summary>
    public static string QueueName(string service, Type messageType) =>
        $"{service}-{KebabBoundary().Replace(messageType.Name, "-$1").ToLowerInvariant()}";

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])")]
    private static partial Regex KebabBoundary();
}
