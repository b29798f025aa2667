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

/// <summary>The volunteer register: member volunteers arrive from membership, resident volunteers are registered here.</summary>
public static class VolunteersApi
{
    public static IEndpointRouteBuilder MapVolunteersApi(this IEndpointRouteBuilder app)
    {
        var volunteers = app.MapGroup("/api/volunteer/volunteers").WithTags("Volunteers");

        volunteers.MapPost("/", RegisterVolunteer)
            .WithName("RegisterVolunteer")
            .WithSummary("Register a resident volunteer: display name, optional phone, grid (a known grid), skills, optional sign-in account")
            .RequireAuthorization(VolunteerPolicies.ManageVolunteers);
        volunteers.MapGet("/", ListVolunteers)
            .WithName("ListVolunteers")
            .WithSummary("List volunteers, optionally the one linked to a party member, those of a grid or with a skill, active or not, party members or not, paged by cursor")
            .RequireAuthorization(VolunteerPolicies.ReadVolunteers);
        volunteers.MapGet("/{id:guid}", GetVolunteer)
            .WithName("GetVolunteer")
            .WithSummary("Get one volunteer profile")
            .RequireAuthorization(VolunteerPolicies.ReadVolunteers);
        volunteers.MapPut("/{id:guid}/skills", ReplaceSkills)
            .WithName("ReplaceVolunteerSkills")
            .WithSummary("Replace the volunteer's skills")
            .RequireAuthorization(VolunteerPolicies.ManageVolunteers);
        volunteers.MapPut("/{id:guid}/account", LinkAccount)
            .WithName("LinkVolunteerAccount")
            .WithSummary("Link the person's sign-in account (the token subject), so they can sign up and check in as themselves")
            .RequireAuthorization(VolunteerPolicies.ManageVolunteers);
        volunteers.MapGet("/{id:guid}/hours", GetHours)
            .WithName("GetVolunteerHours")
            .WithSummary("The volunteer's service hours (approved and pending) and history, optionally from/to; no-shows")
            .RequireAuthorization(VolunteerPolicies.ReadVolunteers);
        volunteers.MapGet("/{id:guid}/certificate", GetCertificate)
            .WithName("GetHoursCertificate")
            .WithSummary("A printable certificate of service hours (HTML) for from/to (the half year so far by default), with its number")
            .RequireAuthorization(VolunteerPolicies.IssueCertificates);

        return app;
    }

    public static async Task<Created<VolunteerResponse>> RegisterVolunteer(
        RegisterVolunteerRequest request, ClaimsPrincipal caller, VolunteerDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var grid = await db.RequireKnownGridAsync(request.GridCode, GridScope.Of(caller), cancellationToken);
        var volunteer = VolunteerProfile.Register(request.DisplayName, request.Phone, grid.Code, request.Skills, request.AccountId, time.GetUtcNow());
        await RequireAccountFreeAsync(db, volunteer.AccountId, volunteer.Id, cancellationToken);
        db.Volunteers.Add(volunteer);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/volunteer/volunteers/{volunteer.Id}", VolunteerResponse.From(volunteer));
    }

    public static async Task<Ok<Page<VolunteerResponse>>> ListVolunteers(
        VolunteerDbContext db, ClaimsPrincipal caller, [AsParameters] VolunteerFilter filter, Guid? cursor, int? limit, CancellationToken cancellationToken)
    {
        var query = filter.Apply(GridScope.Of(caller).Filter(db.Volunteers.AsNoTracking(), v => v.GridCode));
        return TypedResults.Ok(await query.ToPageAsync(v => v.Id, cursor, limit, VolunteerResponse.From, cancellationToken));
    }

    public static async Task<Results<Ok<VolunteerResponse>, NotFound>> GetVolunteer(Guid id, VolunteerDbContext db, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var volunteer = await db.Volunteers.AsNoTracking().FindInScopeAsync(v => v.Id == id, GridScope.Of(caller), v => v.GridCode, cancellationToken);
        return volunteer is null ? TypedResults.NotFound() : TypedResults.Ok(VolunteerResponse.From(volunteer));
    }

    public static Task<Results<Ok<VolunteerResponse>, NotFound>> ReplaceSkills(
        Guid id, SkillsRequest request, VolunteerDbContext db, ClaimsPrincipal caller, CancellationToken cancellationToken) =>
        ChangeAsync(id, db, caller, volunteer =>
        {
            volunteer.ReplaceSkills(request.Skills);
            return Task.CompletedTask;
        }, cancellationToken);

    public static Task<Results<Ok<VolunteerResponse>, NotFound>> LinkAccount(
        Guid id, LinkAccountRequest request, VolunteerDbContext db, ClaimsPrincipal caller, CancellationToken cancellationToken) =>
        ChangeAsync(id, db, caller, async volunteer =>
        {
            volunteer.LinkAccount(request.AccountId);
            await RequireAccountFreeAsync(db, volunteer.AccountId, volunteer.Id, cancellationToken);
        }, cancellationToken);

    public static async Task<Results<Ok<HoursResponse>, NotFound>> GetHours(
        Guid id, DateOnly? from, DateOnly? to, VolunteerDbContext db, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var volunteer = await db.Volunteers.AsNoTracking().FindInScopeAsync(v => v.Id == id, GridScope.Of(caller), v => v.GridCode, cancellationToken);
        return volunteer is null ? TypedResults.NotFound() : TypedResults.Ok(await VolunteerHistory.HoursAsync(db, volunteer, from, to, cancellationToken));
    }

    public static async Task<Results<ContentHttpResult, NotFound>> GetCertificate(
        Guid id, DateOnly? from, DateOnly? to, VolunteerDbContext db, ClaimsPrincipal caller, IOptions<VolunteerOptions> options, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var volunteer = await db.Volunteers.AsNoTracking().FindInScopeAsync(v => v.Id == id, GridScope.Of(caller), v => v.GridCode, cancellationToken);
        return volunteer is null
            ? TypedResults.NotFound()
            : await VolunteerHistory.CertificateAsync(db, volunteer, from, to, caller, time, options.Value.Rules, cancellationToken);
    }

    private static async Task<Results<Ok<VolunteerResponse>, NotFound>> ChangeAsync(
        Guid id, VolunteerDbContext db, ClaimsPrincipal caller, Func<VolunteerProfile, Task> change, CancellationToken cancellationToken)
    {
        var volunteer = await db.Volunteers.FindInScopeAsync(v => v.Id == id, GridScope.Of(caller), v => v.GridCode, cancellationToken);
        if (volunteer is null)
        {
            return TypedResults.NotFound();
        }

        await change(volunteer);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(VolunteerResponse.From(volunteer));
    }

    /// <summary>One profile per account; the unique index settles a race, this gives the usual case a clear rule.</summary>
    private static async Task RequireAccountFreeAsync(VolunteerDbContext db, string? accountId, Guid volunteerId, CancellationToken cancellationToken)
    {
        if (accountId is not null && await db.Volunteers.AnyAsync(v => v.AccountId == accountId && v.Id != volunteerId, cancellationToken))
        {
            throw new DomainRuleViolationException("volunteer.account-taken", "That account is already linked to another volunteer profile.");
        }
    }
}

public sealed record RegisterVolunteerRequest(string? DisplayName, string? GridCode, IReadOnlyList<string>? Skills = null, string? Phone = null, string? AccountId = null);

public sealed record SkillsRequest(IReadOnlyList<string>? Skills);

public sealed record LinkAccountRequest(string? AccountId);

/// <summary>
/// A volunteer profile. <c>displayName</c> is the resident's name, or 党员志愿者 for a member volunteer (the name stays in
/// membership; <c>memberId</c> links it). The phone is returned to the register's readers only, and never logged.
/// </summary>
public sealed record VolunteerResponse(
    Guid Id, string DisplayName, Guid? MemberId, string GridCode, VolunteerSource Source, bool IsPartyMember, bool Active, IReadOnlyList<string> Skills,
    string? Phone, bool AccountLinked, int NoShows, DateTimeOffset CreatedAt)
{
    public static VolunteerResponse From(VolunteerProfile volunteer) => new(
        volunteer.Id, volunteer.Label, volunteer.MemberId, volunteer.GridCode, volunteer.Source, volunteer.IsPartyMember, volunteer.Active, volunteer.Skills,
        volunteer.Phone, volunteer.AccountId is not null, volunteer.NoShows, volunteer.CreatedAt);
}

/// <summary>The filters of the volunteer list; every one is optional and they combine.</summary>
public sealed class VolunteerFilter
{
    /// <summary>The party member's id, for the volunteer profile linked to a member.</summary>
    [FromQuery(Name = "memberId")]
    public Guid? MemberId { get; init; }

    [FromQuery(Name = "gridCode")]
    public string? GridCode { get; init; }

    [FromQuery(Name = "skill")]
    public string? Skill { get; init; }

    [FromQuery(Name = "active")]
    public bool? Active { get; init; }

    [FromQuery(Name = "partyMember")]
    public bool? PartyMember { get; init; }

    internal IQueryable<VolunteerProfile> Apply(IQueryable<VolunteerProfile> query)
    {
        query = query.WhereIf(Active is not null, v => v.Active == Active);
        query = query.WhereIf(PartyMember is not null, v => v.IsPartyMember == PartyMember);
        query = query.WhereIf(MemberId is not null, v => v.MemberId == MemberId);
        query = query.WhereIf(!string.IsNullOrWhiteSpace(GridCode), v => v.GridCode == GridCode);
        if (!string.IsNullOrWhiteSpace(Skill))
        {
            var wanted = Skill.Trim();
            query = query.Where(v => v.Skills.Contains(wanted));
        }

        return query;
    }
}
