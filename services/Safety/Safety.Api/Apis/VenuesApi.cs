using System.Security.Claims;
using CommunityPlatform.Safety.Domain;
using CommunityPlatform.Safety.Extensions;
using CommunityPlatform.Safety.Infrastructure;
using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.ServiceKit.ReferenceData;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.ServiceKit.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityPlatform.Safety.Apis;

/// <summary>The venue register (场所台账): the nine small venue kinds and the natural risk spots, by grid.</summary>
public static class VenuesApi
{
    public static IEndpointRouteBuilder MapVenuesApi(this IEndpointRouteBuilder app)
    {
        var venues = app.MapGroup("/api/safety/venues").WithTags("Venues");

        venues.MapPost("/", RegisterVenue)
            .WithName("RegisterVenue")
            .WithSummary("Register a venue in a grid; a nine-small-kind venue must be within this locality's size limits")
            .RequireAuthorization(SafetyPolicies.ManageVenues);
        venues.MapGet("/", ListVenues)
            .WithName("ListVenues")
            .WithSummary("Venues by grid and kind, with their open-hazard counts; nineSmall=true/false for the nine small kinds (九小场所) or the others; withOpenHazards=true for those that have some; paged by cursor")
            .RequireAuthorization(SafetyPolicies.ReadVenues);
        venues.MapGet("/{id:guid}", GetVenue)
            .WithName("GetVenue")
            .WithSummary("One venue with its open-hazard count")
            .RequireAuthorization(SafetyPolicies.ReadVenues);
        venues.MapPut("/{id:guid}", UpdateVenue)
            .WithName("UpdateVenue")
            .WithSummary("Correct a venue's name, address, owner, size and attributes (kind and grid stay)")
            .RequireAuthorization(SafetyPolicies.ManageVenues);

        return app;
    }

    public static async Task<Created<VenueResponse>> RegisterVenue(
        RegisterVenueRequest request, ClaimsPrincipal caller, SafetyDbContext db, IOptions<SafetyOptions> options, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var grid = await db.RequireKnownGridAsync(request.GridCode, GridScope.Of(caller), cancellationToken);
        var venue = Venue.Register(request.Details, request.Kind, grid.Code, options.Value.SmallVenues, time.GetUtcNow());
        db.Venues.Add(venue);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/safety/venues/{venue.Id}", VenueResponse.From(venue, 0));
    }

    public static async Task<Ok<Page<VenueResponse>>> ListVenues(
        SafetyDbContext db, ClaimsPrincipal caller, [AsParameters] VenueFilter filter, Guid? cursor, int? limit, CancellationToken cancellationToken)
    {
        var query = filter.Apply(GridScope.Of(caller).Filter(db.Venues.AsNoTracking(), v => v.GridCode), db.Hazards);
        var page = await query.ToPageAsync(v => v.Id, cursor, limit, v => v, cancellationToken);
        var counts = await OpenHazardCountsAsync(db, page.Items.Select(v => v.Id).ToList(), cancellationToken);
        return TypedResults.Ok(new Page<VenueResponse>([.. page.Items.Select(v => VenueResponse.From(v, counts.GetValueOrDefault(v.Id)))], page.NextCursor));
    }

    public static async Task<Results<Ok<VenueResponse>, NotFound>> GetVenue(Guid id, SafetyDbContext db, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var venue = await db.Venues.AsNoTracking().FindInScopeAsync(v => v.Id == id, GridScope.Of(caller), v => v.GridCode, cancellationToken);
        if (venue is null)
        {
            return TypedResults.NotFound();
        }

        var counts = await OpenHazardCountsAsync(db, [id], cancellationToken);
        return TypedResults.Ok(VenueResponse.From(venue, counts.GetValueOrDefault(id)));
    }

    public static async Task<Results<Ok<VenueResponse>, NotFound>> UpdateVenue(
        Guid id, UpdateVenueRequest request, SafetyDbContext db, ClaimsPrincipal caller, IOptions<SafetyOptions> options, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var venue = await db.Venues.FindInScopeAsync(v => v.Id == id, GridScope.Of(caller), v => v.GridCode, cancellationToken);
        if (venue is null)
        {
            return TypedResults.NotFound();
        }

        venue.Update(request.Details, options.Value.SmallVenues, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        var counts = await OpenHazardCountsAsync(db, [id], cancellationToken);
        return TypedResults.Ok(VenueResponse.From(venue, counts.GetValueOrDefault(id)));
    }

    private static async Task<Dictionary<Guid, int>> OpenHazardCountsAsync(SafetyDbContext db, List<Guid> venueIds, CancellationToken cancellationToken) =>
        await db.Hazards.Where(h => venueIds.Contains(h.VenueId) && h.Status != HazardStatus.Closed)
            .GroupBy(h => h.VenueId)
            .Select(g => new { VenueId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.VenueId, g => g.Count, cancellationToken);
}

public sealed record RegisterVenueRequest(
    string? Name, string? Kind, string? GridCode, string? Address = null, string? OwnerName = null, string? OwnerPhone = null,
    decimal? FloorArea = null, int? Capacity = null, Dictionary<string, string>? Attributes = null)
{
    internal VenueDetails Details => new(Name, Address, OwnerName, OwnerPhone, FloorArea, Capacity, Attributes);
}

public sealed record UpdateVenueRequest(
    string? Name, string? Address = null, string? OwnerName = null, string? OwnerPhone = null, decimal? FloorArea = null, int? Capacity = null,
    Dictionary<string, string>? Attributes = null)
{
    internal VenueDetails Details => new(Name, Address, OwnerName, OwnerPhone, FloorArea, Capacity, Attributes);
}

public sealed record VenueResponse(
    Guid Id, string Name, VenueKind Kind, string KindLabel, bool NineSmall, string GridCode, string? Address, string? OwnerName, string? OwnerPhone,
    decimal? FloorArea, int? Capacity, string? CapacityMeaning, IReadOnlyDictionary<string, string> Attributes, int OpenHazards,
    DateTimeOffset RegisteredAt)
{
    public static VenueResponse From(Venue venue, int openHazards) => new(
        venue.Id, venue.Name, venue.Kind, VenueKinds.Labels[venue.Kind], VenueKinds.IsNineSmall(venue.Kind), venue.GridCode, venue.Address,
        venue.OwnerName, venue.OwnerPhone, venue.FloorArea, venue.Capacity, VenueKinds.CapacityMeaning.GetValueOrDefault(venue.Kind),
        venue.Attributes.ToDictionary(a => a.Name, a => a.Value), openHazards, venue.RegisteredAt);
}

/// <summary>The filters of the venue list; every one is optional and they combine.</summary>
public sealed class VenueFilter
{
    [FromQuery(Name = "gridCode")]
    public string? GridCode { get; init; }

    [FromQuery(Name = "kind")]
    public string? Kind { get; init; }

    /// <summary>True for the nine small venues (九小场所), false for the others.</summary>
    [FromQuery(Name = "nineSmall")]
    public bool? NineSmall { get; init; }

    /// <summary>True for the venues with a hazard not yet closed, false for those without.</summary>
    [FromQuery(Name = "withOpenHazards")]
    public bool? WithOpenHazards { get; init; }

    internal IQueryable<Venue> Apply(IQueryable<Venue> query, IQueryable<Hazard> hazards)
    {
        var validation = new Validation();
        var kind = Kind is null ? null : validation.RequireOneOf(Kind, "kind", VenueKinds.Labels);
        validation.ThrowIfInvalid();

        query = query.WhereIf(!string.IsNullOrWhiteSpace(GridCode), v => v.GridCode == GridCode);
        query = query.WhereIf(kind is not null, v => v.Kind == kind);
        query = query.WhereIf(NineSmall is not null, v => VenueKinds.NineSmall.Contains(v.Kind) == NineSmall);
        query = query.WhereIf(WithOpenHazards is not null, v => hazards.Any(h => h.VenueId == v.Id && h.Status != HazardStatus.Closed) == WithOpenHazards);

        return query;
    }
}
