using System.Security.Claims;
using CommunityPlatform.Grid.Domain;
using CommunityPlatform.Grid.Extensions;
using CommunityPlatform.Grid.Infrastructure;
using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.ServiceKit.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.Grid.Apis;

/// <summary>The community beyond households: small businesses (个体经营户) and partner units (共建单位).</summary>
public static class CommunityApi
{
    public static IEndpointRouteBuilder MapCommunityApi(this IEndpointRouteBuilder app)
    {
        var grid = app.MapGroup("/api/grid").WithTags("Businesses and partner units");

        grid.MapPost("/businesses", RegisterBusiness).WithSummary("Register a small business in a grid").RequireAuthorization(GridPolicies.ManagePlaces);
        grid.MapGet("/businesses", ListBusinesses).WithSummary("Businesses by grid and category, paged by cursor").RequireAuthorization(GridPolicies.ReadCommunity);
        grid.MapPost("/partner-units", PairPartnerUnit)
            .WithSummary("Pair a partner unit with the community or a grid, with the resources it offers")
            .RequireAuthorization(GridPolicies.ManageGrids);
        grid.MapGet("/partner-units", ListPartnerUnits)
            .WithSummary("Partner units and their resources (the list of what partners have), optionally by resource category")
            .RequireAuthorization(GridPolicies.ReadCommunity);

        return app;
    }

    public static async Task<Created<BusinessResponse>> RegisterBusiness(
        RegisterBusinessRequest request, ClaimsPrincipal caller, GridDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var gridCode = await db.RequireGridAsync(request.GridCode, GridScope.Of(caller), cancellationToken);
        var business = Business.Register(gridCode, request.Name, request.Category, request.Address, request.Operator, request.Phone, time.GetUtcNow());
        db.Businesses.Add(business);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/grid/businesses?gridCode={gridCode}", BusinessResponse.From(business));
    }

    public static async Task<Ok<Page<BusinessResponse>>> ListBusinesses(
        ClaimsPrincipal caller, GridDbContext db, [AsParameters] BusinessFilter filter, Guid? cursor, int? limit, CancellationToken cancellationToken)
    {
        var businesses = filter.Apply(GridScope.Of(caller).Filter(db.Businesses.AsNoTracking(), b => b.GridCode));
        return TypedResults.Ok(await businesses.ToPageAsync(b => b.Id, cursor, limit, BusinessResponse.From, cancellationToken));
    }

    public static async Task<Created<PartnerUnitResponse>> PairPartnerUnit(
        PairPartnerUnitRequest request, ClaimsPrincipal caller, GridDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var gridCode = string.IsNullOrWhiteSpace(request.GridCode) ? null : await db.RequireGridAsync(request.GridCode, GridScope.Of(caller), cancellationToken);
        var partner = PartnerUnit.Pair(
            request.Name, gridCode, request.Contact,
            request.Resources?.Select(r => new PartnerResource(r.Category ?? "", r.Description ?? "")).ToList(), time.GetUtcNow());
        db.PartnerUnits.Add(partner);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created("/api/grid/partner-units", PartnerUnitResponse.From(partner));
    }

    public static async Task<Ok<List<PartnerUnitResponse>>> ListPartnerUnits(GridDbContext db, [AsParameters] PartnerUnitFilter filter, CancellationToken cancellationToken)
    {
        var partners = await db.PartnerUnits.AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
        return TypedResults.Ok(filter.Apply(partners).Select(PartnerUnitResponse.From).ToList());
    }
}

public sealed record RegisterBusinessRequest(string? GridCode, string? Name, string? Category, string? Address, string? Operator = null, string? Phone = null);

public sealed record BusinessResponse(Guid Id, string GridCode, string Name, string Category, string Address)
{
    public static BusinessResponse From(Business b) => new(b.Id, b.GridCode, b.Name, b.Category, b.Address);
}

public sealed record PartnerResourceRequest(string? Category, string? Description);

public sealed record PairPartnerUnitRequest(string? Name, IReadOnlyList<PartnerResourceRequest>? Resources, string? GridCode = null, string? Contact = null);

public sealed record PartnerUnitResponse(Guid Id, string Name, string? GridCode, string? Contact, IReadOnlyList<PartnerResource> Resources)
{
    public static PartnerUnitResponse From(PartnerUnit p) => new(p.Id, p.Name, p.GridCode, p.Contact, p.Resources);
}

/// <summary>The filters of the business list; both are optional and they combine.</summary>
public sealed class BusinessFilter
{
    [FromQuery(Name = "gridCode")]
    public string? GridCode { get; init; }

    [FromQuery(Name = "category")]
    public string? Category { get; init; }

    internal IQueryable<Business> Apply(IQueryable<Business> businesses)
    {
        businesses = businesses.WhereIf(GridCode is not null, b => b.GridCode == GridCode);
        businesses = businesses.WhereIf(Category is not null, b => b.Category == Category);

        return businesses;
    }
}

/// <summary>The filter of the partner-unit list.</summary>
public sealed class PartnerUnitFilter
{
    /// <summary>The units offering a resource of this need category.</summary>
    [FromQuery(Name = "category")]
    public string? Category { get; init; }

    /// <summary>The partner units to list; matched in memory, as each one's resources are a list.</summary>
    internal IEnumerable<PartnerUnit> Apply(IEnumerable<PartnerUnit> partners)
    {
        var validation = new Validation();
        var code = Category is null ? null : validation.RequireOneOf(Category, "category", NeedCategories.All)?.ToString();
        validation.ThrowIfInvalid();
        return code is null ? partners : partners.Where(p => p.Resources.Any(r => r.Category == code));
    }
}
