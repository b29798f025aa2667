namespace CommunityPlatform.Contracts.Reporting;

/// <summary>
/// A half-year work report (半年工作报告) was frozen: this version is immutable from now on, whatever later happens to
/// the records it counts. The county platform fetches it by <see cref="SnapshotId"/>.
/// </summary>
public sealed record HalfYearReportFrozen : IntegrationEvent
{
    public required Guid SnapshotId { get; init; }

    public required int Year { get; init; }

    /// <summary>1 for 上半年 (January–June), 2 for 下半年 (July–December).</summary>
    public required int Half { get; init; }

    /// <summary>1 for the first frozen copy of this half year, 2 for the next, and so on.</summary>
    public required int Version { get; init; }

    public required DateTimeOffset FrozenAt { get; init; }
}
