using System.Text.Json;
using CommunityPlatform.Contracts;
using CommunityPlatform.Contracts.County;
using CommunityPlatform.Contracts.Grid;
using CommunityPlatform.Contracts.Membership;
using CommunityPlatform.Contracts.Reporting;
using CommunityPlatform.Contracts.Safety;
using CommunityPlatform.Contracts.Volunteer;
using CommunityPlatform.Messaging;
using CommunityPlatform.ServiceDefaults;

namespace CommunityPlatform.County.Domain;

/// <summary>The CloudEvents <c>type</c> and <c>source</c> of one integration event type.</summary>
public sealed record FeedEventKind(string Type, string Source);

/// <summary>
/// How each integration event appears on the county's feed. The CloudEvents type and source follow from the
/// contract's namespace and name (<c>cn.communityplatform.grid.matter-reported.v1</c>, <c>/communityplatform/grid</c>);
/// the subject — the record the event is about — is chosen per type here, so a new contract without an entry is
/// refused on the feed (and fails the feed's tests) instead of appearing with a guessed subject.
/// </summary>
public static class FeedCatalogue
{
    public const string SpecVersion = "1.0";
    public const string DataContentType = "application/json";

    /// <summary>The service whose own events the county service writes to its feed itself, rather than receiving them.</summary>
    public const string OwnService = BusNames.County;

    private static readonly JsonSerializerOptions DataJson = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static readonly Dictionary<Type, Func<IntegrationEvent, string>> Subjects = new()
    {
        [typeof(MemberRegistered)] = Subject<MemberRegistered>(e => e.MemberId),
        [typeof(MemberStatusChanged)] = Subject<MemberStatusChanged>(e => e.MemberId),
        [typeof(MeetingHeld)] = Subject<MeetingHeld>(e => e.MeetingId),
        [typeof(PointsAwarded)] = Subject<PointsAwarded>(e => e.MemberId),
        [typeof(GridCreated)] = Subject<GridCreated>(e => e.GridCode),
        [typeof(GridRenamed)] = Subject<GridRenamed>(e => e.GridCode),
        [typeof(MatterReported)] = Subject<MatterReported>(e => e.MatterId),
        [typeof(MatterResolved)] = Subject<MatterResolved>(e => e.MatterId),
        [typeof(MatterClosed)] = Subject<MatterClosed>(e => e.MatterId),
        [typeof(MatterReopened)] = Subject<MatterReopened>(e => e.MatterId),
        [typeof(MicroWishClaimed)] = Subject<MicroWishClaimed>(e => e.MicroWishId),
        [typeof(MicroWishFulfilled)] = Subject<MicroWishFulfilled>(e => e.MicroWishId),
        [typeof(InspectionCompleted)] = Subject<InspectionCompleted>(e => e.InspectionId),
        [typeof(HazardReported)] = Subject<HazardReported>(e => e.HazardId),
        [typeof(HazardRectified)] = Subject<HazardRectified>(e => e.HazardId),
        [typeof(HazardReopened)] = Subject<HazardReopened>(e => e.HazardId),
        [typeof(HazardOverdue)] = Subject<HazardOverdue>(e => e.HazardId),
        // A quota is judged per grid, patrol kind and month; the grid's matter for it has the same key.
        [typeof(PatrolQuotaMissed)] = Subject<PatrolQuotaMissed>(e => $"{e.GridCode}:{e.PatrolKind}:{e.Month}"),
        [typeof(VolunteerActivityCompleted)] = Subject<VolunteerActivityCompleted>(e => e.ActivityId),
        [typeof(VolunteerActivityCancelled)] = Subject<VolunteerActivityCancelled>(e => e.ActivityId),
        [typeof(VolunteerHoursCredited)] = Subject<VolunteerHoursCredited>(e => e.ServiceRecordId),
        [typeof(PatrolObservationReported)] = Subject<PatrolObservationReported>(e => e.ObservationId),
        [typeof(HalfYearReportFrozen)] = Subject<HalfYearReportFrozen>(e => e.SnapshotId),
        [typeof(CountyCaseSignedFor)] = Subject<CountyCaseSignedFor>(e => e.ServiceRequestId),
        [typeof(CountyCaseStatusChanged)] = Subject<CountyCaseStatusChanged>(e => e.ServiceRequestId),
    };

    /// <summary>Every event type the feed carries.</summary>
    public static IReadOnlyCollection<Type> Types => Subjects.Keys;

    public static FeedEventKind KindOf(Type eventType)
    {
        var service = ServiceOf(eventType);
        return new FeedEventKind($"cn.communityplatform.{service}.{IntegrationEventTypes.KebabNameOf(eventType)}.v1", $"/communityplatform/{service}");
    }

    /// <summary>The producing service, from the contract's folder: <c>CommunityPlatform.Contracts.Grid</c> is <c>grid</c>.</summary>
    public static string ServiceOf(Type eventType) => eventType.Namespace![(eventType.Namespace!.LastIndexOf('.') + 1)..].ToLowerInvariant();

    /// <summary>The feed row for <paramref name="integrationEvent"/>; an event type without an entry here is refused.</summary>
    public static FeedEvent Record(IntegrationEvent integrationEvent, DateTimeOffset now)
    {
        var type = integrationEvent.GetType();
        var subject = Subjects.TryGetValue(type, out var select)
            ? select(integrationEvent)
            : throw new InvalidOperationException($"{type.Name} has no entry in the county feed's catalogue.");
        var data = JsonSerializer.SerializeToNode(integrationEvent, type, DataJson)!.AsObject();
        // The envelope carries these as id and time.
        data.Remove("event_id");
        data.Remove("occurred_at");
        return FeedEvent.Record(integrationEvent.EventId, KindOf(type), subject, integrationEvent.OccurredAt, data.ToJsonString(), now);
    }

    private static Func<IntegrationEvent, string> Subject<TEvent>(Func<TEvent, object> subject)
        where TEvent : IntegrationEvent =>
        e => subject((TEvent)e).ToString()!;
}
