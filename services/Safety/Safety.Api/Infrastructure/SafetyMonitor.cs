using CommunityPlatform.Safety.Domain;
using CommunityPlatform.Safety.Extensions;
using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.ServiceKit.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityPlatform.Safety.Infrastructure;

/// <summary>
/// The background check: hazards past their deadline publish <c>HazardOverdue</c> once per hazard and deadline,
/// and every finished month of a patrol plan is judged once, publishing <c>PatrolQuotaMissed</c> when it fell short.
/// </summary>
public sealed class SafetyMonitor(IServiceScopeFactory scopeFactory, IOptions<SafetyOptions> options, TimeProvider time, ILogger<SafetyMonitor> logger)
    : SingleRunnerSweep<SafetyDbContext>(scopeFactory, time, logger)
{
    protected override long LockKey => 0x5AFE_7001;

    protected override TimeSpan Interval => options.Value.MonitorInterval;

    protected override async Task SweepAsync(SafetyDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await FlagOverdueHazardsAsync(db, now, cancellationToken);
        await JudgePatrolMonthsAsync(db, now, cancellationToken);
    }

    private static async Task FlagOverdueHazardsAsync(SafetyDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = CommunityTime.DateOf(now);
        var overdue = await db.Hazards
            .Where(Hazard.Overdue.On(today))
            .Where(h => h.OverdueNotifiedFor == null || h.OverdueNotifiedFor != h.Deadline)
            .ToListAsync(cancellationToken);
        foreach (var hazard in overdue)
        {
            hazard.FlagOverdue(now);
        }
    }

    private async Task JudgePatrolMonthsAsync(SafetyDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = CommunityTime.DateOf(now);
        var lastFinished = PatrolMonth.Of(today).Previous;
        var firstJudged = PatrolMonth.Of(today.AddMonths(-options.Value.QuotaLookbackMonths));
        var plans = await db.PatrolPlans.Where(p => p.StartsOn <= lastFinished.Last && (p.EndsOn == null || p.EndsOn >= firstJudged.First))
            .ToListAsync(cancellationToken);
        if (plans.Count == 0)
        {
            return;
        }

        var planIds = plans.Select(p => p.Id).ToList();
        var judged = (await db.QuotaJudgements.Where(j => planIds.Contains(j.PlanId)).Select(j => new { j.PlanId, j.Month }).ToListAsync(cancellationToken))
            .Select(j => (j.PlanId, j.Month)).ToHashSet();
        var grids = plans.Select(p => p.GridCode).Distinct().ToList();
        var patrols = await db.Patrols.AsNoTracking()
            .Where(p => grids.Contains(p.GridCode) && p.PatrolledAt >= CommunityTime.StartOf(firstJudged.First) && p.PatrolledAt < CommunityTime.StartOf(lastFinished.Next.First))
            .ToListAsync(cancellationToken);

        for (var month = firstJudged; month.First <= lastFinished.First; month = month.Next)
        {
            foreach (var plan in plans.Where(p => p.Covers(month) && !judged.Contains((p.Id, month.ToString()))))
            {
                db.QuotaJudgements.Add(QuotaJudgement.Of(plan.Attainment(month, patrols, today), now));
            }
        }
    }
}
