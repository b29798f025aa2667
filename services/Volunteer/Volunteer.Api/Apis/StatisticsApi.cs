using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.Volunteer.Domain;
using CommunityPlatform.Volunteer.Extensions;
using CommunityPlatform.Volunteer.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.Volunteer.Apis;

/// <summary>
/// The volunteer figures of a half-year report: teams and volunteers as registered now; activities, participation,
/// hours and no-shows for activities that started within the period (by the community's calendar).
/// </summary>
public static class StatisticsApi
{
    public static IEndpointRouteBuilder MapStatisticsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/volunteer/statistics", GetStatistics)
            .WithTags("Statistics")
            .WithName("GetVolunteerStatistics")
            .WithSummary("Teams, volunteers (and members among them), activities by kind, participants, approved hours, no-show rate, patrol observations")
            .RequireAuthorization(VolunteerPolicies.ReadStatistics);
        return app;
    }

    public static async Task<Ok<VolunteerStatistics>> GetStatistics(VolunteerDbContext db, TimeProvider time, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var period = ReportingPeriod.Of(from, to, time);
        var (since, until) = (period.Start, period.End);

        var teams = await db.Teams.CountAsync(cancellationToken);
        var volunteers = new VolunteerFigures(
            await db.Volunteers.CountAsync(v => v.Active, cancellationToken),
            await db.Volunteers.CountAsync(v => v.Active && v.IsPartyMember, cancellationToken),
            await db.Volunteers.CountAsync(v => v.Active && v.MemberId == null, cancellationToken));

        var inPeriod = Activity.StartsWithin(db.Activities, period);
        var byKind = await inPeriod.Where(a => a.Status != ActivityStatus.Cancelled && a.Status != ActivityStatus.Draft)
            .GroupBy(a => a.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var completed = inPeriod.Where(a => a.Status == ActivityStatus.Completed).Select(a => a.Id);
        var attendance = db.Signups.Where(s => completed.Contains(s.ActivityId) && s.Status == SignupStatus.Confirmed);
        var attended = await attendance.CountAsync(s => s.CheckedInAt != null, cancellationToken);
        var noShows = await attendance.CountAsync(s => s.NoShow, cancellationToken);
        var activities = new ActivityFigures(
            byKind.Values.Sum(),
            await completed.CountAsync(cancellationToken),
            await inPeriod.CountAsync(a => a.Status == ActivityStatus.Cancelled, cancellationToken),
            Enum.GetValues<ActivityKind>().ToDictionary(k => k, k => byKind.GetValueOrDefault(k)));

        var participation = new ParticipationFigures(
            await attendance.Where(s => s.CheckedInAt != null).Select(s => s.VolunteerId).Distinct().CountAsync(cancellationToken),
            attended,
            noShows,
            attended + noShows == 0 ? null : Math.Round((decimal)noShows / (attended + noShows), 3));

        var approved = ServiceRecord.ServedWithin(db.ServiceRecords, period).Where(r => r.Status == ServiceRecordStatus.Approved);
        var hours = new HourFigures(
            await approved.SumAsync(r => r.Hours, cancellationToken),
            await approved.Where(r => r.Hours > 0).Select(r => r.VolunteerId).Distinct().CountAsync(cancellationToken),
            await db.ServiceRecords.CountAsync(r => r.Status == ServiceRecordStatus.Pending, cancellationToken));

        var observations = await db.Observations.CountAsync(o => o.ObservedAt >= since && o.ObservedAt < until, cancellationToken);
        return TypedResults.Ok(new VolunteerStatistics(period.From, period.To, teams, volunteers, activities, participation, hours, observations));
    }
}

public sealed record VolunteerStatistics(
    DateOnly From, DateOnly To, int Teams, VolunteerFigures Volunteers, ActivityFigures Activities, ParticipationFigures Participation, HourFigures Hours,
    int PatrolObservations);

/// <summary>Active volunteers now: all, current party members among them, residents registered here.</summary>
public sealed record VolunteerFigures(int Total, int PartyMembers, int Residents);

/// <summary>Activities starting in the period: all but drafts and cancelled ones (published or completed), completed, cancelled, and by kind.</summary>
public sealed record ActivityFigures(int Total, int Completed, int Cancelled, IReadOnlyDictionary<ActivityKind, int> ByKind);

/// <summary>At completed activities: distinct volunteers who came, attendances, no-shows and their share of confirmed places.</summary>
public sealed record ParticipationFigures(int Participants, int Attendances, int NoShows, decimal? NoShowRate);

/// <summary>Hours approved for service in the period, the volunteers credited, and records still awaiting approval (any date).</summary>
public sealed record HourFigures(decimal Approved, int VolunteersCredited, int PendingRecords);
