using CommunityPlatform.Safety.Domain;
using CommunityPlatform.Safety.Extensions;
using CommunityPlatform.Safety.Infrastructure;
using System.Security.Claims;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.ServiceKit.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.Safety.Apis;

public static class VenuesApi
{
    public static IEndpointRouteBuilder MapVenuesApi(this IEndpointRouteBuilder app)
    {
        var venues = app.MapGroup("/api/safety/venues").WithTags("Venues");

        venues.MapPost("/", RegisterVenue)
            .WithName("RegisterVenue")
            .WithSummary("Register a venue in a grid")
            .RequireAuthorization(SafetyPolicies.ManageVenues);

        venues.MapGet("/", ListVenues)
            .WithName("ListVenues")
            .WithSummary("List venues, optionally of one grid and kind, paged by cursor")
            .RequireAuthorization(SafetyPolicies.ReadVenues);

        venues.MapGet("/{id:guid}", GetVenue)
            .WithName("GetVenue")
            .WithSummary("Get one venue")
            .RequireAuthorization(SafetyPolicies.ReadVenues);

        return app;
    }

    public static async Task<Created<VenueResponse>> RegisterVenue(RegisterVenueRequest request, SafetyDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var venue = Venue.Register(request.Name, request.Kind, request.GridCode, request.Address, time.GetUtcNow());
        db.Venues.Add(venue);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/safety/venues/{venue.Id}", VenueResponse.From(venue));
    }

    public static async Task<Ok<Page<VenueResponse>>> ListVenues(
        SafetyDbContext db, ClaimsPrincipal caller, string? gridCode, VenueKind? kind, Guid? cursor, int? limit, CancellationToken cancellationToken)
    {
        var query = GridScope.Of(caller).Filter(db.Venues.AsNoTracking(), v => v.GridCode);

        if (!string.IsNullOrWhiteSpace(gridCode))
        {
            query = query.Where(v => v.GridCode == gridCode);
        }

        if (kind is { } k)
        {
            query = query.Where(v => v.Kind == k);
        }

        return TypedResults.Ok(await query.ToPageAsync(v => v.Id, cursor, limit, VenueResponse.From, cancellationToken));
    }

    public static async Task<Results<Ok<VenueResponse>, NotFound>> GetVenue(Guid id, SafetyDbContext db, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var venue = await db.Venues.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, cancellationToken);
        return venue is null || !GridScope.Of(caller).Covers(venue.GridCode) ? TypedResults.NotFound() : TypedResults.Ok(VenueResponse.From(venue));
    }
}

public sealed record RegisterVenueRequest(string? Name, string? Kind, string? GridCode, string? Address = null);

public sealed record VenueResponse(Guid Id, string Name, VenueKind Kind, string KindLabel, string GridCode, string? Address, DateTimeOffset RegisteredAt)
{
    public static VenueResponse From(Venue venue) =>
        new(venue.Id, venue.Name, venue.Kind, VenueKinds.Labels[venue.Kind], venue.GridCode, venue.Address, venue.RegisteredAt);
}
