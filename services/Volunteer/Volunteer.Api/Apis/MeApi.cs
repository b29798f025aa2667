using System.Security.Claims;
using CommunityPlatform.Volunteer.Domain;
using CommunityPlatform.Volunteer.Extensions;
using CommunityPlatform.Volunteer.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityPlatform.Volunteer.Apis;

/// <summary>
/// A signed-in volunteer's own record, found by the subject of their token (the profile's linked account): profile,
/// sign-ups, hours, certificate, and joining or leaving a team.
/// </summary>
public static class MeApi
{
    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/volunteer/me").WithTags("Me");

        me.MapGet("/", GetMyProfile)
            .WithName("GetMyVolunteerProfile")
            .WithSummary("My volunteer profile (409 volunteer.account-not-linked when no profile is linked to my account)")
            .RequireAuthorization(VolunteerPolicies.Self);
        me.MapGet("/signups", ListMySignups)
            .WithName("ListMySignups")
            .WithSummary("The activities I signed up for or wait for, and my attendance")
            .RequireAuthorization(VolunteerPolicies.Self);
        me.MapGet("/hours", GetMyHours)
            .WithName("GetMyHours")
            .WithSummary("My service hours and history, optionally from/to")
            .RequireAuthorization(VolunteerPolicies.Self);
        me.MapGet("/certificate", GetMyCertificate)
            .WithName("GetMyHoursCertificate")
            .WithSummary("A printable certificate of my service hours (HTML) for from/to")
            .RequireAuthorization(VolunteerPolicies.Self);
        me.MapPost("/teams/{teamId:guid}", JoinTeam)
            .WithName("JoinTeam")
            .WithSummary("Join a team as a member")
            .RequireAuthorization(VolunteerPolicies.Self);
        me.MapDelete("/teams/{teamId:guid}", LeaveTeam)
            .WithName("LeaveTeam")
            .WithSummary("Leave a team")
            .RequireAuthorization(VolunteerPolicies.Self);

        return app;
    }

    public static async Task<Ok<VolunteerResponse>> GetMyProfile(ClaimsPrincipal caller, VolunteerDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(VolunteerResponse.From(await db.OwnProfileAsync(caller, cancellationToken)));

    public static async Task<Ok<IReadOnlyList<MySignupResponse>>> ListMySignups(ClaimsPrincipal caller, VolunteerDbContext db, CancellationToken cancellationToken)
    {
        var me = await db.OwnProfileAsync(caller, cancellationToken);
        var rows = await db.Signups.AsNoTracking().Where(s => s.VolunteerId == me.Id)
            .Join(db.Activities.AsNoTracking(), s => s.ActivityId, a => a.Id, (s, a) => new { Signup = s, Activity = a })
            .OrderByDescending(r => r.Activity.StartsAt)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<MySignupResponse>>([.. rows.Select(r => new MySignupResponse(
            SignupResponse.From(r.Signup), r.Activity.Title, r.Activity.Kind, r.Activity.Place, r.Activity.StartsAt, r.Activity.EndsAt, r.Activity.Status))]);
    }

    public static async Task<Ok<HoursResponse>> GetMyHours(ClaimsPrincipal caller, VolunteerDbContext db, DateOnly? from, DateOnly? to, CancellationToken cancellationToken) =>
        TypedResults.Ok(await VolunteerHistory.HoursAsync(db, await db.OwnProfileAsync(caller, cancellationToken), from, to, cancellationToken));

    public static async Task<ContentHttpResult> GetMyCertificate(
        ClaimsPrincipal caller, VolunteerDbContext db, IOptions<VolunteerOptions> options, TimeProvider time, DateOnly? from, DateOnly? to,
        CancellationToken cancellationToken) =>
        await VolunteerHistory.CertificateAsync(db, await db.OwnProfileAsync(caller, cancellationToken), from, to, caller, time, options.Value.Rules, cancellationToken);

    public static async Task<Results<Created<TeamMemberResponse>, NotFound>> JoinTeam(
        Guid teamId, ClaimsPrincipal caller, VolunteerDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var team = await db.Teams.WithMembersAsync(teamId, cancellationToken);
        if (team is null)
        {
            return TypedResults.NotFound();
        }

        var me = await db.OwnProfileAsync(caller, cancellationToken);
        var membership = team.Join(me, TeamRole.Member, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/volunteer/teams/{teamId}/members", TeamMemberResponse.From(membership, me));
    }

    public static async Task<Results<NoContent, NotFound>> LeaveTeam(
        Guid teamId, ClaimsPrincipal caller, VolunteerDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var team = await db.Teams.WithMembersAsync(teamId, cancellationToken);
        if (team is null)
        {
            return TypedResults.NotFound();
        }

        var me = await db.OwnProfileAsync(caller, cancellationToken);
        team.Leave(me.Id, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}

public sealed record MySignupResponse(
    SignupResponse Signup, string Title, ActivityKind Kind, string Place, DateTimeOffset StartsAt, DateTimeOffset EndsAt, ActivityStatus ActivityStatus);
