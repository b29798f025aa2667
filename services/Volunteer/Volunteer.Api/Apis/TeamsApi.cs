using System.Security.Claims;
using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.ServiceKit.Web;
using CommunityPlatform.Volunteer.Domain;
using CommunityPlatform.Volunteer.Extensions;
using CommunityPlatform.Volunteer.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.Volunteer.Apis;

/// <summary>Volunteer teams (志愿服务队), their leaders and members, and the partner unit sponsoring them.</summary>
public static class TeamsApi
{
    public static IEndpointRouteBuilder MapTeamsApi(this IEndpointRouteBuilder app)
    {
        var teams = app.MapGroup("/api/volunteer/teams").WithTags("Teams");

        teams.MapPost("/", FormTeam)
            .WithName("FormTeam")
            .WithSummary("Form a team: name, usual activity kind, description, sponsoring partner unit (id and name as the grid service lists it)")
            .RequireAuthorization(VolunteerPolicies.ManageTeams);
        teams.MapGet("/", ListTeams)
            .WithName("ListTeams")
            .WithSummary("Teams with their member and leader counts, paged by cursor")
            .RequireAuthorization(VolunteerPolicies.ReadTeams);
        teams.MapGet("/{id:guid}", GetTeam)
            .WithName("GetTeam")
            .WithSummary("One team")
            .RequireAuthorization(VolunteerPolicies.ReadTeams);
        teams.MapGet("/{id:guid}/members", ListMembers)
            .WithName("ListTeamMembers")
            .WithSummary("The team's current members and leaders, with the names the register shows")
            .RequireAuthorization(VolunteerPolicies.ReadVolunteers);
        teams.MapPost("/{id:guid}/members", AddMember)
            .WithName("AddTeamMember")
            .WithSummary("Add a volunteer to the team as Member or Leader")
            .RequireAuthorization(VolunteerPolicies.ManageTeams);
        teams.MapDelete("/{id:guid}/members/{volunteerId:guid}", RemoveMember)
            .WithName("RemoveTeamMember")
            .WithSummary("Take a volunteer off the team (the membership is kept as history); the only leader cannot leave while others remain")
            .RequireAuthorization(VolunteerPolicies.ManageTeams);

        return app;
    }

    public static async Task<Created<TeamResponse>> FormTeam(
        FormTeamRequest request, ClaimsPrincipal caller, VolunteerDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var team = Team.Form(request.Name, request.Focus, request.Description, request.PartnerUnitId, request.PartnerUnitName, caller.Id(), time.GetUtcNow());
        if (await db.Teams.AnyAsync(t => t.Name == team.Name, cancellationToken))
        {
            throw new DomainRuleViolationException("team.name-taken", $"A team named {team.Name} already exists.");
        }

        db.Teams.Add(team);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/volunteer/teams/{team.Id}", TeamResponse.From(team));
    }

    public static async Task<Ok<Page<TeamResponse>>> ListTeams(VolunteerDbContext db, Guid? cursor, int? limit, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Teams.AsNoTracking().Include(t => t.Members.Where(m => m.LeftAt == null))
            .ToPageAsync(t => t.Id, cursor, limit, TeamResponse.From, cancellationToken));

    public static async Task<Results<Ok<TeamResponse>, NotFound>> GetTeam(Guid id, VolunteerDbContext db, CancellationToken cancellationToken)
    {
        var team = await db.Teams.AsNoTracking().WithMembersAsync(id, cancellationToken);
        return team is null ? TypedResults.NotFound() : TypedResults.Ok(TeamResponse.From(team));
    }

    public static async Task<Results<Ok<IReadOnlyList<TeamMemberResponse>>, NotFound>> ListMembers(
        Guid id, ClaimsPrincipal caller, VolunteerDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Teams.AnyAsync(t => t.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var members = await db.TeamMembers.AsNoTracking().Where(m => m.TeamId == id && m.LeftAt == null)
            .Join(GridScope.Of(caller).Filter(db.Volunteers.AsNoTracking(), v => v.GridCode), m => m.VolunteerId, v => v.Id, (m, v) => new { Membership = m, Volunteer = v })
            .OrderBy(r => r.Membership.Role == TeamRole.Leader ? 0 : 1).ThenBy(r => r.Membership.JoinedAt)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<TeamMemberResponse>>(
            [.. members.Select(r => TeamMemberResponse.From(r.Membership, r.Volunteer))]);
    }

    public static async Task<Results<Created<TeamMemberResponse>, NotFound>> AddMember(
        Guid id, AddTeamMemberRequest request, VolunteerDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var team = await db.Teams.WithMembersAsync(id, cancellationToken);
        if (team is null)
        {
            return TypedResults.NotFound();
        }

        var validation = new Validation();
        var role = validation.RequireOneOf(request.Role ?? nameof(TeamRole.Member), "role", TeamRoles.All);
        validation.ThrowIfInvalid();
        var volunteer = await db.RequireVolunteerAsync(request.VolunteerId, cancellationToken);
        var membership = team.Join(volunteer, role!.Value, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/volunteer/teams/{id}/members", TeamMemberResponse.From(membership, volunteer));
    }

    public static async Task<Results<NoContent, NotFound>> RemoveMember(Guid id, Guid volunteerId, VolunteerDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var team = await db.Teams.WithMembersAsync(id, cancellationToken);
        if (team is null)
        {
            return TypedResults.NotFound();
        }

        team.Leave(volunteerId, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}

public sealed record FormTeamRequest(string? Name, string? Focus = null, string? Description = null, Guid? PartnerUnitId = null, string? PartnerUnitName = null);

public sealed record AddTeamMemberRequest(Guid? VolunteerId, string? Role = null);

public sealed record TeamResponse(
    Guid Id, string Name, ActivityKind? Focus, string? FocusLabel, string? Description, Guid? PartnerUnitId, string? PartnerUnitName, int Members, int Leaders,
    DateTimeOffset CreatedAt)
{
    public static TeamResponse From(Team t) => new(
        t.Id, t.Name, t.Focus, t.Focus is { } focus ? ActivityKinds.All[focus] : null, t.Description, t.PartnerUnitId, t.PartnerUnitName,
        t.CurrentMembers.Count(), t.CurrentMembers.Count(m => m.Role == TeamRole.Leader), t.CreatedAt);
}

public sealed record TeamMemberResponse(Guid VolunteerId, string DisplayName, Guid? MemberId, TeamRole Role, string RoleLabel, DateTimeOffset JoinedAt)
{
    public static TeamMemberResponse From(TeamMembership m, VolunteerProfile v) => new(v.Id, v.Label, v.MemberId, m.Role, TeamRoles.All[m.Role], m.JoinedAt);
}
