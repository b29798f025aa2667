using System.Security.Claims;
using System.Text.Json;
using CommunityPlatform.Reporting.Domain;
using CommunityPlatform.Reporting.Extensions;
using CommunityPlatform.Reporting.Infrastructure;
using CommunityPlatform.Reporting.Rendering;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.ServiceKit.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using FromQuery = Microsoft.AspNetCore.Mvc.FromQueryAttribute;

namespace CommunityPlatform.Reporting.Apis;

/// <summary>
/// The half-year work report (半年工作报告): composed live from the four services' statistics, or frozen into an
/// immutable, versioned copy (定稿) for the county.
/// </summary>
public static class HalfYearReportsApi
{
    public static IEndpointRouteBuilder MapHalfYearReportsApi(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/reports/half-year").WithTags("Half-year report");
        reports.MapGet("/", GetReport)
            .WithSummary("The report of a half year (?year=&half=1|2, default: the half year running) from live data, as HTML, Markdown or JSON (?format= or Accept); every figure links to its records")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .Produces(StatusCodes.Status200OK, contentType: "text/markdown")
            .RequireAuthorization(ReportingPolicies.ReadReports);
        reports.MapPost("/snapshots", Freeze)
            .WithSummary("Freeze the report of a half year as it reads now: a new immutable version, stamped with the time and who froze it; publishes HalfYearReportFrozen")
            .WithIdempotency<ReportingDbContext>()
            .RequireAuthorization(ReportingPolicies.FreezeReports);
        reports.MapGet("/snapshots", ListSnapshots)
            .WithSummary("Frozen copies, oldest first, optionally of one half year; paged by cursor")
            .RequireAuthorization(ReportingPolicies.ReadReports);
        reports.MapGet("/snapshots/{id:guid}", GetSnapshot)
            .WithSummary("A frozen copy exactly as it was frozen, as HTML, Markdown or JSON (?format= or Accept)")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .Produces(StatusCodes.Status200OK, contentType: "text/markdown")
            .RequireAuthorization(ReportingPolicies.ReadReports);
        return app;
    }

    public static async Task<Results<Ok<HalfYearReport>, ContentHttpResult, ProblemHttpResult>> GetReport(
        int? year, int? half, string? format, HttpRequest request, LiveReports reports, CancellationToken cancellationToken)
    {
        var wanted = ReportFormats.Of(format, request);
        HalfYearReport report;
        try
        {
            report = await reports.ComposeAsync(year, half, request.Headers.Authorization, cancellationToken);
        }
        catch (StatisticsUnavailableException unavailable)
        {
            return unavailable.ToProblem();
        }

        return wanted switch
        {
            ReportFormat.Html => TypedResults.Content(ReportDocuments.Html(report, null), ReportFormats.HtmlType),
            ReportFormat.Markdown => TypedResults.Content(ReportDocuments.Markdown(report, null), ReportFormats.MarkdownType),
            _ => TypedResults.Ok(report),
        };
    }

    public static async Task<Results<Created<SnapshotResponse>, ProblemHttpResult>> Freeze(
        FreezeReportRequest freeze, ClaimsPrincipal caller, HttpContext http, LiveReports reports, ReportingDbContext db,
        TimeProvider time, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        HalfYearReport report;
        try
        {
            report = await reports.ComposeAsync(freeze.Year, freeze.Half, http.Request.Headers.Authorization, cancellationToken);
        }
        catch (StatisticsUnavailableException unavailable)
        {
            return unavailable.ToProblem();
        }

        // Two freezes of one half year at the same moment would pick the same version: the unique index answers the later one 409.
        var version = 1 + (await db.Snapshots.Where(s => s.Year == report.Year && s.Half == report.Half)
            .MaxAsync(s => (int?)s.Version, cancellationToken) ?? 0);
        var frozenAt = time.GetUtcNow();
        var frozenBy = caller.Actor();
        var stamp = new FrozenStamp(version, frozenAt, frozenBy.Name);
        var snapshot = ReportSnapshot.Freeze(report, version, frozenAt, frozenBy.Id, frozenBy.Name,
            JsonSerializer.Serialize(report, json.Value.SerializerOptions), ReportDocuments.Html(report, stamp), ReportDocuments.Markdown(report, stamp));
        db.Snapshots.Add(snapshot);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/reports/half-year/snapshots/{snapshot.Id}", SnapshotResponse.Of(snapshot));
    }

    public static async Task<Ok<Page<SnapshotResponse>>> ListSnapshots(
        ReportingDbContext db, [AsParameters] SnapshotFilter filter, Guid? cursor, int? limit, CancellationToken cancellationToken)
    {
        var query = filter.Apply(db.Snapshots.AsNoTracking());
        return TypedResults.Ok(await query.ToPageAsync(s => s.Id, cursor, limit, SnapshotResponse.Of, cancellationToken));
    }

    public static async Task<Results<ContentHttpResult, NotFound>> GetSnapshot(
        Guid id, string? format, HttpRequest request, ReportingDbContext db, CancellationToken cancellationToken)
    {
        var wanted = ReportFormats.Of(format, request);
        var snapshot = await db.Snapshots.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (snapshot is null)
        {
            return TypedResults.NotFound();
        }

        // The stored text itself, never re-rendered: a frozen copy reads byte for byte as it was frozen.
        return wanted switch
        {
            ReportFormat.Html => TypedResults.Content(snapshot.Html, ReportFormats.HtmlType),
            ReportFormat.Markdown => TypedResults.Content(snapshot.Markdown, ReportFormats.MarkdownType),
            _ => TypedResults.Content(snapshot.Json, ReportFormats.JsonType),
        };
    }
}

/// <summary>Which half year to freeze; either value may be left out for the half year running.</summary>
public sealed record FreezeReportRequest(int? Year, int? Half);

public sealed record SnapshotResponse(
    Guid Id, int Year, int Half, int Version, DateOnly From, DateOnly To, DateTimeOffset FrozenAt, string FrozenBy, SnapshotLinks Links)
{
    public static SnapshotResponse Of(ReportSnapshot s)
    {
        var self = $"/api/reports/half-year/snapshots/{s.Id}";
        return new SnapshotResponse(s.Id, s.Year, s.Half, s.Version, s.From, s.To, s.FrozenAt, s.FrozenByName,
            new SnapshotLinks($"{self}?format=html", $"{self}?format=markdown", $"{self}?format=json"));
    }
}

public sealed record SnapshotLinks(string Html, string Markdown, string Json);

/// <summary>The filters of the snapshot list; both are optional and they combine.</summary>
public sealed class SnapshotFilter
{
    [FromQuery(Name = "year")]
    public int? Year { get; init; }

    /// <summary>1 for January to June, 2 for July to December.</summary>
    [FromQuery(Name = "half")]
    public int? Half { get; init; }

    internal IQueryable<ReportSnapshot> Apply(IQueryable<ReportSnapshot> query)
    {
        query = query.WhereIf(Year is not null, s => s.Year == Year);
        query = query.WhereIf(Half is not null, s => s.Half == Half);

        return query;
    }
}
