using System.Security.Claims;
using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.ServiceKit.ReferenceData;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.ServiceKit.Web;
using CommunityPlatform.Volunteer.Domain;
using CommunityPlatform.Volunteer.Extensions;
using CommunityPlatform.Volunteer.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityPlatform.Volunteer.Apis;

/// <summary>
/// Activities from planning to completion: publish, sign up (with a waitlist), check in and out (by the organiser
/// or with the activity's code), patrol observations, cancel, complete. Writes a phone may retry take an
/// Idempotency-Key.
/// </summary>
public static class ActivitiesApi
{
    public static IEndpointRouteBuilder MapActivitiesApi(this IEndpointRouteBuilder app)
    {
        var activities = app.MapGroup("/api/volunteer/activities").WithTags("Activities");

        activities.MapPost("/", PlanActivity)
            .WithName("PlanActivity")
            .WithSummary("Plan an activity (draft): team, kind, grid (a known grid), place, time window, capacity, required skills")
            .RequireAuthorization(VolunteerPolicies.ManageActivities);
        activities.MapGet("/", ListActivities)
            .WithName("ListActivities")
            .WithSummary("Activities by status, kind, team, grid and the community day they start on (from/to); members and residents see published ones of their grids; paged by cursor")
            .RequireAuthorization(VolunteerPolicies.ReadActivities);
        activities.MapGet("/{id:guid}", GetActivity)
            .WithName("GetActivity")
            .WithSummary("One activity with its places taken and waitlist length")
            .RequireAuthorization(VolunteerPolicies.ReadActivities);
        activities.MapPost("/{id:guid}/publish", Publish)
            .WithName("PublishActivity")
            .WithSummary("Open the activity for sign-up")
            .RequireAuthorization(VolunteerPolicies.ManageActivities);
        activities.MapPost("/{id:guid}/cancel", Cancel)
            .WithName("CancelActivity")
            .WithSummary("Call the activity off with a reason; a published one publishes VolunteerActivityCancelled with the signed-up volunteers' ids")
            .RequireAuthorization(VolunteerPolicies.ManageActivities);
        activities.MapPost("/{id:guid}/complete", Complete)
            .WithName("CompleteActivity")
            .WithSummary("Settle attendance: service-hour records for those who came, no-shows counted; publishes VolunteerActivityCompleted")
            .RequireAuthorization(VolunteerPolicies.ManageActivities);
        activities.MapGet("/{id:guid}/check-in-code", GetCheckInCode)
            .WithName("GetCheckInCode")
            .WithSummary("The activity's 6-character check-in code and the QR payload cpvol:{activityId}:{code} to display")
            .RequireAuthorization(VolunteerPolicies.ManageActivities);
        activities.MapGet("/{id:guid}/signups", ListSignups)
            .WithName("ListSignups")
            .WithSummary("Sign-ups and attendance: status, check-in and check-out, late and early minutes, no-shows")
            .RequireAuthorization(VolunteerPolicies.ReadVolunteers);
        activities.MapPost("/{id:guid}/signups", SignUp)
            .WithName("SignUp")
            .WithSummary("Sign up (an organiser names volunteerId; a member or resident signs up themselves); waitlist=false refuses a full activity instead of waiting")
            .WithIdempotency<VolunteerDbContext>()
            .RequireAuthorization(VolunteerPolicies.Participate);
        activities.MapPost("/{id:guid}/signups/withdraw", Withdraw)
            .WithName("WithdrawSignup")
            .WithSummary("Withdraw before the start; the first volunteer on the waitlist takes the freed place")
            .WithIdempotency<VolunteerDbContext>()
            .RequireAuthorization(VolunteerPolicies.Participate);
        activities.MapPost("/{id:guid}/check-in", CheckIn)
            .WithName("CheckIn")
            .WithSummary("Check in: an organiser for a named volunteer (optionally at an earlier time), a member or resident with the code or QR payload")
            .WithIdempotency<VolunteerDbContext>()
            .RequireAuthorization(VolunteerPolicies.Participate);
        activities.MapPost("/{id:guid}/check-out", CheckOut)
            .WithName("CheckOut")
            .WithSummary("Check out, as check-in; leaving before the end beyond the grace period is recorded")
            .WithIdempotency<VolunteerDbContext>()
            .RequireAuthorization(VolunteerPolicies.Participate);
        activities.MapPost("/{id:guid}/observations", ReportObservation)
            .WithName("ReportPatrolObservation")
            .WithSummary("Report what a patrol saw (grid, location, description); publishes PatrolObservationReported, which the grid turns into a matter")
            .WithIdempotency<VolunteerDbContext>()
            .RequireAuthorization(VolunteerPolicies.Participate);
        activities.MapGet("/{id:guid}/observations", ListObservations)
            .WithName("ListPatrolObservations")
            .WithSummary("The observations reported from an activity")
            .RequireAuthorization(VolunteerPolicies.ReadVolunteers);

        return app;
    }

    public static async Task<Created<ActivityResponse>> PlanActivity(
        PlanActivityRequest request, ClaimsPrincipal caller, VolunteerDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var grid = await db.RequireKnownGridAsync(request.GridCode, GridScope.Of(caller), cancellationToken);
        if (request.TeamId is not { } teamId || !await db.Teams.AnyAsync(t => t.Id == teamId, cancellationToken))
        {
            throw DomainValidationException.For("teamId", request.TeamId is null ? ValidationFailure.Required() : ValidationFailure.NotFound($"names no team ({request.TeamId})."));
        }

        var activity = Activity.Plan(
            teamId, grid.Code, request.Kind, request.Title, request.Description, request.Place, request.StartsAt, request.EndsAt, request.Capacity,
            request.RequiredSkills, caller.Id(), time.GetUtcNow());
        db.Activities.Add(activity);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/volunteer/activities/{activity.Id}", ActivityResponse.From(activity));
    }

    public static async Task<Ok<Page<ActivityResponse>>> ListActivities(
        ClaimsPrincipal caller, VolunteerDbContext db, [AsParameters] ActivityFilter filter, Guid? cursor, int? limit, CancellationToken cancellationToken)
    {
        var activities = filter.Apply(db.Activities.AsNoTracking().Include(a => a.Signups).Visible(caller));
        return TypedResults.Ok(await activities.ToPageAsync(a => a.Id, cursor, limit, ActivityResponse.From, cancellationToken));
    }

    public static async Task<Results<Ok<ActivityResponse>, NotFound>> GetActivity(Guid id, ClaimsPrincipal caller, VolunteerDbContext db, CancellationToken cancellationToken)
    {
        var activity = await db.Activities.AsNoTracking().Include(a => a.Signups).Visible(caller).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        return activity is null ? TypedResults.NotFound() : TypedResults.Ok(ActivityResponse.From(activity));
    }

    public static Task<Results<Ok<ActivityResponse>, NotFound>> Publish(
        Guid id, ClaimsPrincipal caller, VolunteerDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, caller, db, activity => activity.Publish(time.GetUtcNow()), cancellationToken);

    public static Task<Results<Ok<ActivityResponse>, NotFound>> Cancel(
        Guid id, CancelActivityRequest request, ClaimsPrincipal caller, VolunteerDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, caller, db, activity => activity.Cancel(request.Reason, time.GetUtcNow()), cancellationToken);

    public static async Task<Results<Ok<CompletionResponse>, NotFound>> Complete(
        Guid id, ClaimsPrincipal caller, VolunteerDbContext db, IOptions<VolunteerOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var activity = await LoadAsync(id, caller, db, cancellationToken);
        if (activity is null)
        {
            return TypedResults.NotFound();
        }

        var settlement = activity.Complete(caller.Actor(), time.GetUtcNow(), options.Value.Rules);
        var noShows = settlement.NoShowVolunteerIds;
        foreach (var volunteer in await db.Volunteers.Where(v => noShows.Contains(v.Id)).ToListAsync(cancellationToken))
        {
            volunteer.RecordNoShow();
        }

        db.ServiceRecords.AddRange(settlement.Records);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new CompletionResponse(
            ActivityResponse.From(activity), settlement.Records.Count, noShows.Count, [.. settlement.Records.Select(ServiceRecordResponse.From)]));
    }

    public static async Task<Results<Ok<CheckInCodeResponse>, NotFound>> GetCheckInCode(
        Guid id, ClaimsPrincipal caller, VolunteerDbContext db, IOptions<VolunteerOptions> options, CancellationToken cancellationToken)
    {
        var activity = await db.Activities.AsNoTracking().Visible(caller).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        return activity is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new CheckInCodeResponse(
                activity.Id, activity.CheckInCode, CheckInCodes.QrPayload(activity.Id, activity.CheckInCode), activity.CheckInOpensAt(options.Value.Rules)));
    }

    public static async Task<Results<Ok<IReadOnlyList<AttendanceResponse>>, NotFound>> ListSignups(
        Guid id, ClaimsPrincipal caller, VolunteerDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Activities.Visible(caller).AnyAsync(a => a.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var rows = await db.Signups.AsNoTracking().Where(s => s.ActivityId == id)
            .Join(db.Volunteers, s => s.VolunteerId, v => v.Id, (s, v) => new { Signup = s, Volunteer = v })
            .OrderBy(r => r.Signup.SignedUpAt).ThenBy(r => r.Signup.Id)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<AttendanceResponse>>(
            [.. rows.Select(r => new AttendanceResponse(SignupResponse.From(r.Signup), r.Volunteer.Label, r.Volunteer.MemberId))]);
    }

    public static async Task<Results<Created<SignupResponse>, NotFound>> SignUp(
        Guid id, SignUpRequest request, ClaimsPrincipal caller, VolunteerDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var activity = await LoadAsync(id, caller, db, cancellationToken);
        if (activity is null)
        {
            return TypedResults.NotFound();
        }

        var volunteer = await db.ActingVolunteerAsync(caller, request.VolunteerId, cancellationToken);
        var commitments = await db.CommitmentsAsync(volunteer.Id, id, cancellationToken);
        var signup = activity.SignUp(volunteer, commitments, request.Waitlist ?? true, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/volunteer/activities/{id}/signups", SignupResponse.From(signup));
    }

    public static async Task<Results<Ok<WithdrawalResponse>, NotFound>> Withdraw(
        Guid id, WithdrawRequest request, ClaimsPrincipal caller, VolunteerDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var activity = await LoadAsync(id, caller, db, cancellationToken);
        if (activity is null)
        {
            return TypedResults.NotFound();
        }

        var volunteer = await db.ActingVolunteerAsync(caller, request.VolunteerId, cancellationToken);
        var promoted = activity.Withdraw(volunteer.Id, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        var withdrawn = activity.Signups.Single(s => s.VolunteerId == volunteer.Id);
        return TypedResults.Ok(new WithdrawalResponse(SignupResponse.From(withdrawn), promoted is null ? null : SignupResponse.From(promoted)));
    }

    public static Task<Results<Ok<SignupResponse>, NotFound>> CheckIn(
        Guid id, AttendanceRequest request, ClaimsPrincipal caller, VolunteerDbContext db, IOptions<VolunteerOptions> options, TimeProvider time,
        CancellationToken cancellationToken) =>
        AttendAsync(id, request, caller, db, time, cancellationToken, (activity, volunteer, at, organiser) => organiser
            ? activity.CheckIn(volunteer.Id, at, CheckInMethod.Organiser, caller.Id(), options.Value.Rules)
            : activity.CheckInWithCode(volunteer.Id, request.Code, at, caller.Id(), options.Value.Rules));

    public static Task<Results<Ok<SignupResponse>, NotFound>> CheckOut(
        Guid id, AttendanceRequest request, ClaimsPrincipal caller, VolunteerDbContext db, IOptions<VolunteerOptions> options, TimeProvider time,
        CancellationToken cancellationToken) =>
        AttendAsync(id, request, caller, db, time, cancellationToken, (activity, volunteer, at, organiser) => organiser
            ? activity.CheckOut(volunteer.Id, at, caller.Id(), options.Value.Rules)
            : activity.CheckOutWithCode(volunteer.Id, request.Code, at, caller.Id(), options.Value.Rules));

    public static async Task<Results<Created<ObservationResponse>, NotFound>> ReportObservation(
        Guid id, ReportObservationRequest request, ClaimsPrincipal caller, VolunteerDbContext db, IOptions<VolunteerOptions> options, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var activity = await LoadAsync(id, caller, db, cancellationToken);
        if (activity is null)
        {
            return TypedResults.NotFound();
        }

        var gridCode = request.GridCode is null ? activity.GridCode : (await db.RequireKnownGridAsync(request.GridCode, GridScope.Of(caller), cancellationToken)).Code;
        Guid? volunteerId = VolunteerPolicies.IsOrganiser(caller) ? null : (await db.OwnProfileAsync(caller, cancellationToken)).Id;
        var observation = PatrolObservation.Report(
            activity, volunteerId, gridCode, request.Location, request.Description, caller.Id(), time.GetUtcNow(), options.Value.Rules);
        db.Observations.Add(observation);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/volunteer/activities/{id}/observations", ObservationResponse.From(observation));
    }

    public static async Task<Results<Ok<IReadOnlyList<ObservationResponse>>, NotFound>> ListObservations(
        Guid id, ClaimsPrincipal caller, VolunteerDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Activities.Visible(caller).AnyAsync(a => a.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var observations = await db.Observations.AsNoTracking().Where(o => o.ActivityId == id).OrderBy(o => o.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ObservationResponse>>([.. observations.Select(ObservationResponse.From)]);
    }

    private static Task<Activity?> LoadAsync(Guid id, ClaimsPrincipal caller, VolunteerDbContext db, CancellationToken cancellationToken) =>
        db.Activities.Include(a => a.Signups).Visible(caller).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    private static async Task<Results<Ok<ActivityResponse>, NotFound>> ChangeAsync(
        Guid id, ClaimsPrincipal caller, VolunteerDbContext db, Action<Activity> change, CancellationToken cancellationToken)
    {
        var activity = await LoadAsync(id, caller, db, cancellationToken);
        if (activity is null)
        {
            return TypedResults.NotFound();
        }

        change(activity);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ActivityResponse.From(activity));
    }

    /// <summary>
    /// Check-in and check-out: an organiser names the volunteer and may give the time it happened (a paper sign-in
    /// sheet typed in later, never a future time); a volunteer acts as themselves, now, with the activity's code.
    /// </summary>
    private static async Task<Results<Ok<SignupResponse>, NotFound>> AttendAsync(
        Guid id, AttendanceRequest request, ClaimsPrincipal caller, VolunteerDbContext db, TimeProvider time, CancellationToken cancellationToken,
        Func<Activity, VolunteerProfile, DateTimeOffset, bool, Signup> attend)
    {
        var activity = await LoadAsync(id, caller, db, cancellationToken);
        if (activity is null)
        {
            return TypedResults.NotFound();
        }

        var now = time.GetUtcNow();
        var organiser = VolunteerPolicies.IsOrganiser(caller);
        new Validation().Require(!organiser || request.At is null || request.At <= now, "at", ValidationFailure.NotFuture()).ThrowIfInvalid();
        var volunteer = await db.ActingVolunteerAsync(caller, request.VolunteerId, cancellationToken);
        var signup = attend(activity, volunteer, organiser ? request.At ?? now : now, organiser);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(SignupResponse.From(signup));
    }
}

public sealed record PlanActivityRequest(
    Guid? TeamId, string? Kind, string? Title, string? GridCode, string? Place, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, int? Capacity,
    IReadOnlyList<string>? RequiredSkills = null, string? Description = null);

public sealed record CancelActivityRequest(string? Reason);

/// <summary><paramref name="Waitlist"/> (default true): join the waitlist when every place is taken, rather than be refused.</summary>
public sealed record SignUpRequest(Guid? VolunteerId = null, bool? Waitlist = null);

public sealed record WithdrawRequest(Guid? VolunteerId = null);

/// <summary>Organisers give <paramref name="VolunteerId"/> (and optionally <paramref name="At"/>); volunteers give <paramref name="Code"/>, the code or the QR payload.</summary>
public sealed record AttendanceRequest(Guid? VolunteerId = null, string? Code = null, DateTimeOffset? At = null);

public sealed record ReportObservationRequest(string? Location, string? Description, string? GridCode = null);

public sealed record ActivityResponse(
    Guid Id, Guid TeamId, ActivityKind Kind, string KindLabel, string Title, string? Description, string GridCode, string Place,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Capacity, IReadOnlyList<string> RequiredSkills, ActivityStatus Status, string StatusLabel,
    int Confirmed, int Waitlisted, DateTimeOffset? PublishedAt, DateTimeOffset? CompletedAt, DateTimeOffset? CancelledAt, string? CancelReason)
{
    public static ActivityResponse From(Activity a) => new(
        a.Id, a.TeamId, a.Kind, ActivityKinds.All[a.Kind], a.Title, a.Description, a.GridCode, a.Place, a.StartsAt, a.EndsAt, a.Capacity, a.RequiredSkills,
        a.Status, ActivityStatuses.All[a.Status], a.ConfirmedCount, a.Waitlist.Count(), a.PublishedAt, a.CompletedAt, a.CancelledAt, a.CancelReason);
}

public sealed record SignupResponse(
    Guid Id, Guid ActivityId, Guid VolunteerId, SignupStatus Status, DateTimeOffset SignedUpAt, DateTimeOffset? PromotedAt,
    DateTimeOffset? CheckedInAt, CheckInMethod? CheckInMethod, string? CheckedInBy, int LateMinutes,
    DateTimeOffset? CheckedOutAt, string? CheckedOutBy, int EarlyLeaveMinutes, bool NoShow)
{
    public static SignupResponse From(Signup s) => new(
        s.Id, s.ActivityId, s.VolunteerId, s.Status, s.SignedUpAt, s.PromotedAt, s.CheckedInAt, s.CheckInMethod, s.CheckedInBy, s.LateMinutes,
        s.CheckedOutAt, s.CheckedOutBy, s.EarlyLeaveMinutes, s.NoShow);
}

/// <summary>A sign-up with the name the register shows (党员志愿者 for a member, whose name stays in membership).</summary>
public sealed record AttendanceResponse(SignupResponse Signup, string DisplayName, Guid? MemberId);

public sealed record WithdrawalResponse(SignupResponse Withdrawn, SignupResponse? Promoted);

public sealed record CheckInCodeResponse(Guid ActivityId, string Code, string QrPayload, DateTimeOffset OpensAt);

public sealed record CompletionResponse(ActivityResponse Activity, int Participants, int NoShows, IReadOnlyList<ServiceRecordResponse> Records);

public sealed record ObservationResponse(
    Guid Id, Guid ActivityId, Guid? VolunteerId, string GridCode, string Location, string Description, DateTimeOffset ObservedAt, string ReportedBy)
{
    public static ObservationResponse From(PatrolObservation o) => new(o.Id, o.ActivityId, o.VolunteerId, o.GridCode, o.Location, o.Description, o.ObservedAt, o.ReportedBy);
}

/// <summary>The filters of the activity list; every one is optional and they combine.</summary>
public sealed class ActivityFilter
{
    [FromQuery(Name = "status")]
    public string? Status { get; init; }

    [FromQuery(Name = "kind")]
    public string? Kind { get; init; }

    [FromQuery(Name = "teamId")]
    public Guid? TeamId { get; init; }

    [FromQuery(Name = "gridCode")]
    public string? GridCode { get; init; }

    /// <summary>The activities starting on one of these days.</summary>
    [FromQuery(Name = "from")]
    public DateOnly? From { get; init; }

    [FromQuery(Name = "to")]
    public DateOnly? To { get; init; }

    internal IQueryable<Activity> Apply(IQueryable<Activity> activities)
    {
        var validation = new Validation();
        var status = Status is null ? null : validation.RequireOneOf(Status, "status", ActivityStatuses.All);
        var kind = Kind is null ? null : validation.RequireOneOf(Kind, "kind", ActivityKinds.All);
        var starting = DayRange.Of(From, To, "from", "to", validation);
        validation.ThrowIfInvalid();

        activities = activities.WhereIf(status is not null, a => a.Status == status);
        activities = activities.WhereIf(kind is not null, a => a.Kind == kind);
        activities = activities.WhereIf(TeamId is not null, a => a.TeamId == TeamId);
        activities = activities.WhereIf(!string.IsNullOrWhiteSpace(GridCode), a => a.GridCode == GridCode);

        return Activity.StartsWithin(activities, starting);
    }
}
