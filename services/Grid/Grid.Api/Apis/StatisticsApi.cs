using CommunityPlatform.Grid.Domain;
using CommunityPlatform.Grid.Extensions;
using CommunityPlatform.Grid.Infrastructure;
using CommunityPlatform.ServiceKit.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.Grid.Apis;

/// <summary>
/// The grid figures of a half-year report: the community as registered now, and matters and deliberation within
/// the period (by the community's calendar).
/// </summary>
public static class StatisticsApi
{
    public static IEndpointRouteBuilder MapStatisticsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/grid/statistics", GetStatistics)
            .WithTags("Statistics")
            .WithSummary("Households, residents, businesses, heads; matters by category; deliberation sessions and votes; micro-wishes; care-list sizes (counts only)")
            .RequireAuthorization(GridPolicies.ReadStatistics);
        return app;
    }

    public static async Task<Ok<GridStatistics>> GetStatistics(GridDbContext db, TimeProvider time, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var today = CommunityTime.Today(time);
        var period = ReportingPeriod.Of(from, to, time);
        var (start, end, since, until) = (period.From, period.To, period.Start, period.End);

        var community = new CommunityFigures(
            await db.Grids.CountAsync(cancellationToken),
            await db.Buildings.CountAsync(cancellationToken),
            await db.Households.CountAsync(cancellationToken),
            await db.Residents.CountAsync(cancellationToken),
            await db.Businesses.CountAsync(cancellationToken),
            await Resident.Heading(db.Residents, HeadKind.Building, db.Buildings, db.Units).CountAsync(cancellationToken),
            await Resident.Heading(db.Residents, HeadKind.Unit, db.Buildings, db.Units).CountAsync(cancellationToken),
            await db.PartnerUnits.CountAsync(cancellationToken));

        var reported = await Matter.ReportedWithin(db.Matters, period)
            .GroupBy(m => m.Category).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var resolved = await Matter.ResolvedWithin(db.Matters, period)
            .GroupBy(m => m.Category).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var overdue = await db.Matters.Where(Matter.Overdue.On(today))
            .GroupBy(m => m.Category).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var satisfaction = await db.Matters.Where(m => m.ClosedAt >= since && m.ClosedAt < until && m.Satisfaction != null)
            .AverageAsync(m => (double?)m.Satisfaction, cancellationToken);
        var matters = new MatterFigures(
            reported.Values.Sum(), resolved.Values.Sum(), overdue.Values.Sum(),
            satisfaction is { } average ? Math.Round((decimal)average, 2) : null,
            Enum.GetValues<MatterCategory>().ToDictionary(c => c, c => new MatterCategoryFigures(reported.GetValueOrDefault(c), resolved.GetValueOrDefault(c), overdue.GetValueOrDefault(c))));

        var sessions = await DeliberationSession.HeldWithin(db.DeliberationSessions, period)
            .GroupBy(s => s.Venue).Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        // Distinct matters across venues: one taken up by the room and by a building meeting counts once, as the list shows it.
        var deliberated = Matter.DeliberatedWithin(db.Matters, db.DeliberationSessions, period);
        var votes = await db.BuildingVotes.Where(v => v.ClosedAt >= since && v.ClosedAt < until).Select(v => v.Passed).ToListAsync(cancellationToken);
        var deliberation = new DeliberationFigures(
            sessions.Sum(s => s.Count),
            Enum.GetValues<DeliberationVenue>().ToDictionary(v => v, v => sessions.SingleOrDefault(s => s.Key == v)?.Count ?? 0),
            await deliberated.CountAsync(cancellationToken),
            await Matter.Resolved(deliberated, resolved: true).CountAsync(cancellationToken),
            votes.Count,
            votes.Count(p => p == true));

        var wishes = new MicroWishFigures(
            await MicroWish.PostedWithin(db.MicroWishes, period).CountAsync(cancellationToken),
            await MicroWish.ClaimedWithin(db.MicroWishes, period).CountAsync(cancellationToken),
            await MicroWish.FulfilledWithin(db.MicroWishes, period).CountAsync(cancellationToken),
            await db.MicroWishes.CountAsync(w => w.Status == MicroWishStatus.Open, cancellationToken));

        // Counts only: the care list's categories, never a record. The category is sealed, so it is counted here.
        var care = (await db.CarePeople.Select(p => p.Category).ToListAsync(cancellationToken)).CountBy(c => c).ToDictionary();
        var careList = new CareListFigures(care.Values.Sum(), Enum.GetValues<CareCategory>().ToDictionary(c => c, c => care.GetValueOrDefault(c)));

        return TypedResults.Ok(new GridStatistics(start, end, community, matters, deliberation, wishes, careList));
    }
}

public sealed record GridStatistics(
    DateOnly From, DateOnly To, CommunityFigures Community, MatterFigures Matters, DeliberationFigures Deliberation, MicroWishFigures MicroWishes, CareListFigures CareList);

public sealed record MicroWishFigures(int Posted, int Claimed, int Fulfilled, int OpenNow);

public sealed record CareListFigures(int Total, IReadOnlyDictionary<CareCategory, int> ByCategory);

public sealed record CommunityFigures(int Grids, int Buildings, int Households, int Residents, int Businesses, int BuildingHeads, int UnitHeads, int PartnerUnits);

public sealed record MatterFigures(int Reported, int Resolved, int Overdue, decimal? AverageSatisfaction, IReadOnlyDictionary<MatterCategory, MatterCategoryFigures> ByCategory);

public sealed record MatterCategoryFigures(int Reported, int Resolved, int Overdue);

/// <summary>Sessions held in the period, the matters they took up, and how many of those are resolved (e.g. disputes settled by the deliberation room).</summary>
public sealed record DeliberationFigures(int Sessions, IReadOnlyDictionary<DeliberationVenue, int> ByVenue, int MattersDeliberated, int DeliberatedMattersResolved, int VotesClosed, int VotesPassed);
