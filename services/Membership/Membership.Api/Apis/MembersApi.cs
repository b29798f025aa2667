using CommunityPlatform.Membership.Domain;
using CommunityPlatform.Membership.Extensions;
using CommunityPlatform.Membership.Infrastructure;
using CommunityPlatform.Messaging.Outbox;
using CommunityPlatform.ServiceKit.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.Membership.Apis;

public static class MembersApi
{
    public static IEndpointRouteBuilder MapMembersApi(this IEndpointRouteBuilder app)
    {
        var members = app.MapGroup("/api/membership/members").WithTags("Members");

        members.MapPost("/", RegisterMember)
            .WithName("RegisterMember")
            .WithSummary("Register a party member")
            .WithDescription("Validates every field, stores the member and publishes MemberRegistered through the outbox.")
            .RequireAuthorization(MembershipPolicies.ManageMembers);

        members.MapGet("/{id:guid}", GetMember)
            .WithName("GetMember")
            .WithSummary("Get one member")
            .RequireAuthorization(MembershipPolicies.ReadMembers);

        members.MapGet("/", ListMembers)
            .WithName("ListMembers")
            .WithSummary("List members, optionally of one organisation or grid, paged by cursor")
            .RequireAuthorization(MembershipPolicies.ReadMembers);

        return app;
    }

    public static async Task<Created<MemberResponse>> RegisterMember(
        RegisterMemberRequest request, MembershipDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var (member, registered) = Member.Register(
            request.Name, request.Gender, request.BirthDate, request.Education, request.Phone,
            request.OrganisationCode, request.GridCode, time.GetUtcNow());

        db.Members.Add(member);
        db.AddIntegrationEvent(registered);
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Created($"/api/membership/members/{member.Id}", MemberResponse.From(member));
    }

    public static async Task<Results<Ok<MemberResponse>, NotFound>> GetMember(Guid id, MembershipDbContext db, CancellationToken cancellationToken)
    {
        var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        return member is null ? TypedResults.NotFound() : TypedResults.Ok(MemberResponse.From(member));
    }

    public static async Task<Ok<Page<MemberResponse>>> ListMembers(
        MembershipDbContext db, string? organisationCode, string? gridCode, Guid? cursor, int? limit, CancellationToken cancellationToken)
    {
        var query = db.Members.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(organisationCode))
        {
            query = query.Where(m => m.OrganisationCode == organisationCode);
        }

        if (!string.IsNullOrWhiteSpace(gridCode))
        {
            query = query.Where(m => m.GridCode == gridCode);
        }

        return TypedResults.Ok(await query.ToPageAsync(m => m.Id, cursor, limit, MemberResponse.From, cancellationToken));
    }
}

public sealed record RegisterMemberRequest(
    string? Name,
    string? Gender,
    DateOnly? BirthDate,
    string? Education,
    string? OrganisationCode,
    string? GridCode,
    string? Phone = null);

public sealed record MemberResponse(
    Guid Id,
    string Name,
    Gender Gender,
    DateOnly BirthDate,
    Education Education,
    string OrganisationCode,
    string GridCode,
    MemberStatus Status,
    DateTimeOffset RegisteredAt)
{
    public static MemberResponse From(Member member) => new(
        member.Id, member.Name, member.Gender, member.BirthDate, member.Education,
        member.OrganisationCode, member.GridCode, member.Status, member.RegisteredAt);
}
