using CommunityPlatform.Safety.Domain;
using CommunityPlatform.Safety.Extensions;
using CommunityPlatform.Safety.Infrastructure;
using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.ServiceKit.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.Safety.Apis;

/// <summary>
/// The safety figures of a half-year report: inspections by venue kind, hazards found / rectified / overdue by
/// severity and category, the rectification rate, and each grid's patrol quota attainment, within the period.
/// </summary>
public static class StatisticsApi
{
    public static IEndpointRouteBuilder MapStatisticsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/safety/statistics", GetStatistics)
            .WithTags("Statistics")
            .WithSummary("Venues, inspections by venue kind, hazards by severity and category, rectification rate, patrol quotas per grid, for a period (default: this half year)")
            .RequireAuthorization(SafetyPolicies.ReadStatistics);
        return app;
    }

    public static async Task<Ok<SafetyStatistics>> GetStatistics(SafetyDbContext db, TimeProvider time, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var today = CommunityTime.Today(time);
        var period = ReportingPeriod.Of(from, to, time);
        var (since, until) = (period.Start, period.End);

        var venues = await db.Venues.GroupBy(v => v.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var inspections = await Inspection.CompletedWithin(db.Inspections, period)
            .GroupBy(i => i.VenueKind)
            .Select(g => new { g.Key, Count = g.Count(), Venues = g.Select(i => i.VenueId).Distinct().Count() })
            .ToListAsync(cancellationToken);

        // Hazards found in the period; "rectified" and "overdue" are judged as of today for those same hazards.
        var found = Hazard.FoundWithin(db.Hazards.AsNoTracking(), period);
        var hazards = await found.Select(h => new { h.Severity, h.Category, h.Status }).ToListAsync(cancellationToken);
        var overdue = await found.Where(Hazard.Overdue.On(today)).Select(h => new { h.Severity, h.Category }).ToListAsync(cancellationToken);

        var bySeverity = Enum.GetValues<HazardSeverity>().ToDictionary(s => s, s => HazardFigures.Of(
            hazards.Where(h => h.Severity == s).Select(h => h.Status), overdue.Count(h => h.Severity == s)));
        var byCategory = hazards.GroupBy(h => h.Category).ToDictionary(
            g => g.Key, g => HazardFigures.Of(g.Select(h => h.Status), overdue.Count(h => h.Category == g.Key)));
        var total = HazardFigures.Of(hazards.Select(h => h.Status), overdue.Count);

        var quotas = new List<QuotaAttainment>();
        for (var month = PatrolMonth.Of(period.From); month.First <= period.To; month = month.Next)
        {
            quotas.AddRange(await PatrolQuotas.AttainmentsAsync(db, GridScope.CommunityWide, null, month, today, cancellationToken));
        }

        var patrolQuotas = quotas.GroupBy(q => q.GridCode).OrderBy(g => g.Key).Select(g => new GridPatrolFigures(
            g.Key, g.Count(), g.Count(q => q.Attained), g.Count(q => q.Missed), Rates.Of(g.Count(q => q.Attained), g.Count()))).ToList();

        return TypedResults.Ok(new SafetyStatistics(
            period.From, period.To,
            venues.Values.Sum(), venues.Where(v => VenueKinds.IsNineSmall(v.Key)).Sum(v => v.Value), venues,
            inspections.Sum(i => i.Count), inspections.ToDictionary(i => i.Key, i => new InspectionFigures(i.Count, i.Venues)),
            total, bySeverity, byCategory,
            await db.InspectionTasks.CountAsync(t => t.ReportedAt >= since && t.ReportedAt < until, cancellationToken),
            patrolQuotas));
    }
}

public sealed record SafetyStatistics(
    DateOnly From, DateOnly To, int Venues, int NineSmallVenues, IReadOnlyDictionary<VenueKind, int> VenuesByKind,
    int Inspections, IReadOnlyDictionary<VenueKind, InspectionFigures> InspectionsByVenueKind,
    HazardFigures Hazards, IReadOnlyDictionary<HazardSeverity, HazardFigures> HazardsBySeverity, IReadOnlyDictionary<HazardCategory, HazardFigures> HazardsByCategory,
    int InspectionTasksRaised, IReadOnlyList<GridPatrolFigures> PatrolQuotas);

public sealed record InspectionFigures(int Inspections, int VenuesInspected);

/// <summary>Hazards found, how many are rectified (closed) and still open, how many of the open are past their deadline, and the rectification rate.</summary>
public sealed record HazardFigures(int Found, int Rectified, int Open, int Overdue, decimal? RectificationRate)
{
    /// <summary>The figures of hazards with <paramref name="statuses"/>, <paramref name="overdue"/> of them past their deadline (<see cref="Hazard.Overdue"/>).</summary>
    public static HazardFigures Of(IEnumerable<HazardStatus> statuses, int overdue)
    {
        var list = statuses.ToList();
        var open = list.Count(Hazard.OpenStatuses.Contains);
        var rectified = list.Count - open;
        return new HazardFigures(list.Count, rectified, open, overdue, Rates.Of(rectified, list.Count));
    }
}

/// <summary>A grid's patrol plans judged month by month in the period: plan-months, attained, missed (finished months only).</summary>
public sealed record GridPatrolFigures(string GridCode, int PlanMonths, int Attained, int Missed, decimal? AttainmentRate);
