using System.Security.Claims;
using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.ServiceKit.ReferenceData;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.ServiceKit.Web;
using CommunityPlatform.Volunteer.Domain;
using CommunityPlatform.Volunteer.Extensions;
using CommunityPlatform.Volunteer.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityPlatform.Volunteer.Apis;

/// <summary>
/// Late records (补录): an activity held without being run here — a patrol on a day the system was not used, a visit
/// noted on paper — entered afterwards by the organiser from its sign-in sheet, as the national record rules allow
/// when the record names who entered it. It is settled at once; its hours then wait for approval like any others.
/// </summary>
public static class LateRecordsApi
{
    public static IEndpointRouteBuilder MapLateRecordsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/volunteer/activities/late-records", RecordLate)
            .WithTags("Activities")
            .WithName("RecordActivityLate")
            .WithSummary("Enter an activity that has ended (补录) with its sign-in sheet: who came and left when, who never came; settled at once into service-hour records awaiting approval, recorded by the caller")
            .WithIdempotency<VolunteerDbContext>()
            .RequireAuthorization(VolunteerPolicies.RecordLate);
        return app;
    }

    public static async Task<Created<CompletionResponse>> RecordLate(
        LateRecordRequest request, ClaimsPrincipal caller, VolunteerDbContext db, IOptions<VolunteerOptions> options, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var grid = await db.RequireKnownGridAsync(request.GridCode, GridScope.Of(caller), cancellationToken);
        if (request.TeamId is not { } teamId || !await db.Teams.AnyAsync(t => t.Id == teamId, cancellationToken))
        {
            throw DomainValidationException.For("teamId", request.TeamId is null ? ValidationFailure.Required() : ValidationFailure.NotFound($"names no team ({request.TeamId})."));
        }

        var attendance = request.Attendance ?? [];
        var ids = attendance.Select(a => a.VolunteerId).OfType<Guid>().Distinct().ToList();
        var volunteers = await db.Volunteers.Where(v => ids.Contains(v.Id)).ToDictionaryAsync(v => v.Id, cancellationToken);
        var commitments = request.StartsAt is { } startsAt && request.EndsAt is { } endsAt
            ? await CommitmentsAsync(db, ids, startsAt, endsAt, cancellationToken)
            : [];

        var (activity, settlement) = Activity.RecordLate(
            teamId, grid.Code, request.Kind, request.Title, request.Description, request.Place, request.StartsAt, request.EndsAt, request.Capacity,
            attendance, volunteers, commitments, caller.Actor(), time.GetUtcNow(), options.Value.Rules, options.Value.LateRecordMaxAgeDays);
        foreach (var volunteerId in settlement.NoShowVolunteerIds)
        {
            volunteers[volunteerId].RecordNoShow();
        }

        db.Activities.Add(activity);
        db.ServiceRecords.AddRange(settlement.Records);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/volunteer/activities/{activity.Id}", new CompletionResponse(
            ActivityResponse.From(activity), settlement.Records.Count, settlement.NoShowVolunteerIds.Count, [.. settlement.Records.Select(ServiceRecordResponse.From)]));
    }

    /// <summary>
    /// Activities overlapping the window that these volunteers attended, or hold a place at while still open: one person is
    /// in one place at a time, on paper as on the phone.
    /// </summary>
    private static async Task<IReadOnlyCollection<(Guid VolunteerId, Commitment Commitment)>> CommitmentsAsync(
        VolunteerDbContext db, IReadOnlyCollection<Guid> volunteerIds, DateTimeOffset startsAt, DateTimeOffset endsAt, CancellationToken cancellationToken)
    {
        var rows = await db.Signups
            .Where(s => volunteerIds.Contains(s.VolunteerId))
            .Join(db.Activities.Where(a => a.StartsAt < endsAt && startsAt < a.EndsAt), s => s.ActivityId, a => a.Id, (s, a) => new { Signup = s, Activity = a })
            .Where(r => (r.Activity.Status == ActivityStatus.Completed && r.Signup.CheckedInAt != null)
                || (r.Activity.Status == ActivityStatus.Published && (r.Signup.Status == SignupStatus.Confirmed || r.Signup.Status == SignupStatus.Waitlisted)))
            .Select(r => new { r.Signup.VolunteerId, r.Activity.Id, r.Activity.StartsAt, r.Activity.EndsAt })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.VolunteerId, new Commitment(r.Id, r.StartsAt, r.EndsAt)))];
    }
}

/// <summary>An activity that has ended, with its sign-in sheet (<paramref name="Attendance"/>).</summary>
public sealed record LateRecordRequest(
    Guid? TeamId, string? Kind, string? Title, string? GridCode, string? Place, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, int? Capacity,
    IReadOnlyList<LateAttendance>? Attendance, string? Description = null);
