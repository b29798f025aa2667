using CommunityPlatform.Contracts.Reporting;
using CommunityPlatform.Messaging.Outbox;

namespace CommunityPlatform.Reporting.Domain;

/// <summary>
/// A frozen copy (定稿) of a half-year report: composed once, stored as written — JSON, HTML and Markdown — and never
/// changed again, so the copy sent to the county reads the same whatever happens to the records afterwards. Each new
/// freeze of the same half year is a new version; the database refuses updates and deletes of stored copies.
/// </summary>
public sealed class ReportSnapshot : AggregateRoot
{
    private ReportSnapshot()
    {
    }

    public Guid Id { get; private init; }

    public int Year { get; private init; }

    public int Half { get; private init; }

    public int Version { get; private init; }

    public DateOnly From { get; private init; }

    public DateOnly To { get; private init; }

    public DateTimeOffset FrozenAt { get; private init; }

    /// <summary>The account that froze it.</summary>
    public string FrozenById { get; private init; } = "";

    /// <summary>The name of that person as their token gave it, printed on the copy.</summary>
    public string FrozenByName { get; private init; } = "";

    public string Json { get; private init; } = "";

    public string Html { get; private init; } = "";

    public string Markdown { get; private init; } = "";

    /// <summary>Freezes <paramref name="report"/> as <paramref name="version"/>, announcing <c>HalfYearReportFrozen</c>.</summary>
    public static ReportSnapshot Freeze(
        HalfYearReport report, int version, DateTimeOffset frozenAt, string frozenById, string frozenByName, string json, string html, string markdown)
    {
        var snapshot = new ReportSnapshot
        {
            Id = Guid.CreateVersion7(frozenAt),
            Year = report.Year,
            Half = report.Half,
            Version = version,
            From = report.From,
            To = report.To,
            FrozenAt = frozenAt,
            FrozenById = frozenById,
            FrozenByName = frozenByName,
            Json = json,
            Html = html,
            Markdown = markdown,
        };
        snapshot.Raise(new HalfYearReportFrozen
        {
            EventId = Guid.CreateVersion7(frozenAt),
            OccurredAt = frozenAt,
            SnapshotId = snapshot.Id,
            Year = snapshot.Year,
            Half = snapshot.Half,
            Version = snapshot.Version,
            FrozenAt = frozenAt,
        });
        return snapshot;
    }
}
