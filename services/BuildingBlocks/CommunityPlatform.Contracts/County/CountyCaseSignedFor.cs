namespace CommunityPlatform.Contracts.County;

/// <summary>
/// The community signed for (签收) a case the county platform (县级平台) handed down; the grid service opens a matter
/// for it, once per case. The description and location are the county's own words about a place and a problem;
/// the county is asked not to name people in them.
/// </summary>
public sealed record CountyCaseSignedFor : IntegrationEvent
{
    /// <summary>The case, as the county service numbers it (Open311 <c>service_request_id</c>).</summary>
    public required Guid ServiceRequestId { get; init; }

    /// <summary>The county's service code, e.g. <c>dispute</c>.</summary>
    public required string ServiceCode { get; init; }

    /// <summary>The grid matter category it becomes, e.g. <c>Dispute</c>.</summary>
    public required string Category { get; init; }

    public required string GridCode { get; init; }

    /// <summary>Where, as the county gave it (Open311 <c>address</c>): a building, a road, a place.</summary>
    public required string Location { get; init; }

    public required string Description { get; init; }

    /// <summary>When the county expects it done (Open311 <c>expected_datetime</c>); without it the category's usual days apply.</summary>
    public DateTimeOffset? ExpectedDatetime { get; init; }

    public required DateTimeOffset SignedForAt { get; init; }
}
