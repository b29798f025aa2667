using System.Security.Claims;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.ServiceKit.Web;
using CommunityPlatform.Volunteer.Domain;
using CommunityPlatform.Volunteer.Extensions;
using CommunityPlatform.Volunteer.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.Volunteer.Apis;

public static class VolunteersApi
{
    public static IEndpointRouteBuilder MapVolunteersApi(this IEndpointRouteBuilder app)
    {
        var volunteers = app.MapGroup("/api/volunteer/volunteers").WithTags("Volunteers")
            .RequireAuthorization(VolunteerPolicies.ReadVolunteers);

        volunteers.MapGet("/", ListVolunteers)
            .WithName("ListVolunteers")
            .WithSummary("List volunteers, optionally the one linked to a party member or those of a grid, paged by cursor");

        volunteers.MapGet("/{id:guid}", GetVolunteer)
            .WithName("GetVolunteer")
            .WithSummary("Get one volunteer profile");

        return app;
    }

    public static async Task<Ok<Page<VolunteerResponse>>> ListVolunteers(
        VolunteerDbContext db, ClaimsPrincipal caller, Guid? memberId, string? gridCode, Guid? cursor, int? limit, CancellationToken cancellationToken)
    {
        var query = GridScope.Of(caller).Filter(db.Volunteers.AsNoTracking(), v => v.GridCode);

        if (memberId is { } member)
        {
            query = query.Where(v => v.MemberId == member);
        }

        if (!string.IsNullOrWhiteSpace(gridCode))
        {
            query = query.Where(v => v.GridCode == gridCode);
        }

        return TypedResults.Ok(await query.ToPageAsync(v => v.Id, cursor, limit, VolunteerResponse.From, cancellationToken));
    }

    public static async Task<Results<Ok<VolunteerResponse>, NotFound>> GetVolunteer(Guid id, VolunteerDbContext db, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var volunteer = await db.Volunteers.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, cancellationToken);
        return volunteer is null || !GridScope.Of(caller).Covers(volunteer.GridCode)
            ? TypedResults.NotFound()
            : TypedResults.Ok(VolunteerResponse.From(volunteer));
    }
}

public sealed record VolunteerResponse(
    Guid Id, Guid? MemberId, string GridCode, VolunteerSource Source, bool IsPartyMember, bool Active, DateTimeOffset CreatedAt)
{
    public static VolunteerResponse From(VolunteerProfile volunteer) => new(
        volunteer.Id, volunteer.MemberId, volunteer.GridCode, volunteer.Source, volunteer.IsPartyMember, volunteer.Active, volunteer.CreatedAt);
}
