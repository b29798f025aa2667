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

/// <summary>Who lives where: buildings (楼栋), units (单元), households (户) and residents (居民), and the CSV import.</summary>
public static class PlacesApi
{
    public static IEndpointRouteBuilder MapPlacesApi(this IEndpointRouteBuilder app)
    {
        var grid = app.MapGroup("/api/grid").WithTags("Buildings and residents");

        grid.MapPost("/buildings", CreateBuilding).WithSummary("Register a building in a grid").RequireAuthorization(GridPolicies.ManagePlaces);
        grid.MapGet("/buildings", ListBuildings)
            .WithSummary("Buildings (of one grid, or every one the caller sees) with their units, heads and household counts, paged by cursor")
            .RequireAuthorization(GridPolicies.ReadPlaces);
        grid.MapPost("/buildings/{id:guid}/units", CreateUnit).WithSummary("Add a unit (单元) to a building").RequireAuthorization(GridPolicies.ManagePlaces);
        grid.MapPut("/buildings/{id:guid}/head", AppointBuildingHead).WithSummary("Make a resident of the building its head (楼栋长)").RequireAuthorization(GridPolicies.ManagePlaces);
        grid.MapPut("/units/{id:guid}/head", AppointUnitHead).WithSummary("Make a resident of the unit its head (单元长)").RequireAuthorization(GridPolicies.ManagePlaces);
        grid.MapPost("/households", CreateHousehold).WithSummary("Register a household (户) by building, unit and room").RequireAuthorization(GridPolicies.ManagePlaces);
        grid.MapGet("/households", ListHouseholds)
            .WithSummary("Households by grid and building, each with its building, unit, room, head of household (户主) and resident count, paged by cursor")
            .RequireAuthorization(GridPolicies.ReadPlaces);
        grid.MapPost("/residents", RegisterResident).WithSummary("Register a resident in a household").RequireAuthorization(GridPolicies.ManagePlaces);
        grid.MapGet("/residents", ListResidents)
            .WithSummary("Residents filtered by grid, building, household, name prefix or head=Building/Unit (楼栋长/单元长), paged by cursor")
            .RequireAuthorization(GridPolicies.ReadPlaces);
        grid.MapGet("/residents/{id:guid}", GetResident).WithSummary("One resident").RequireAuthorization(GridPolicies.ReadPlaces);
        grid.MapPost("/imports/residents", ImportResidents)
            .WithSummary("Import residents from a CSV file (UTF-8; headers 网格,楼栋,单元,房号,姓名,性别,出生日期,联系电话,与户主关系,职务): all rows or none")
            .Accepts<string>("text/csv")
            .RequireAuthorization(GridPolicies.ManagePlaces);

        return app;
    }

    public static async Task<Created<BuildingResponse>> CreateBuilding(
        CreateBuildingRequest request, ClaimsPrincipal caller, GridDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var gridCode = await db.RequireGridAsync(request.GridCode, GridScope.Of(caller), cancellationToken);
        var building = Building.Create(gridCode, request.Name, request.Address, time.GetUtcNow());
        db.Buildings.Add(building);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/grid/buildings?gridCode={gridCode}", new BuildingResponse(building.Id, building.GridCode, building.Name, building.Address, null, 0, []));
    }

    public static async Task<Ok<Page<BuildingResponse>>> ListBuildings(
        [AsParameters] BuildingFilter filter, ClaimsPrincipal caller, GridDbContext db, Guid? cursor, int? limit, CancellationToken cancellationToken)
    {
        var buildings = filter.Apply(GridScope.Of(caller).Filter(db.Buildings.AsNoTracking(), b => b.GridCode));
        var page = await buildings.ToPageAsync(b => b.Id, cursor, limit, b => b, cancellationToken);
        var ids = page.Items.Select(b => b.Id).ToList();
        var units = await db.Units.AsNoTracking().Where(u => ids.Contains(u.BuildingId)).OrderBy(u => u.Name).ToListAsync(cancellationToken);
        var households = await db.Households.Where(h => ids.Contains(h.BuildingId)).GroupBy(h => h.BuildingId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return TypedResults.Ok(new Page<BuildingResponse>([.. page.Items.Select(b => new BuildingResponse(
            b.Id, b.GridCode, b.Name, b.Address, b.HeadResidentId, households.GetValueOrDefault(b.Id),
            units.Where(u => u.BuildingId == b.Id).Select(u => new UnitResponse(u.Id, u.Name, u.HeadResidentId)).ToList()))], page.NextCursor));
    }

    public static async Task<Results<Created<UnitResponse>, NotFound>> CreateUnit(
        Guid id, CreateUnitRequest request, ClaimsPrincipal caller, GridDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var building = await db.Buildings.FindInScopeAsync(b => b.Id == id, GridScope.Of(caller), b => b.GridCode, cancellationToken);
        if (building is null)
        {
            return TypedResults.NotFound();
        }

        var unit = BuildingUnit.Create(building, request.Name, time.GetUtcNow());
        db.Units.Add(unit);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/grid/buildings?gridCode={building.GridCode}", new UnitResponse(unit.Id, unit.Name, null));
    }

    public static async Task<Results<NoContent, NotFound>> AppointBuildingHead(
        Guid id, AppointHeadRequest request, ClaimsPrincipal caller, GridDbContext db, CancellationToken cancellationToken)
    {
        var building = await db.Buildings.FindInScopeAsync(b => b.Id == id, GridScope.Of(caller), b => b.GridCode, cancellationToken);
        if (building is null)
        {
            return TypedResults.NotFound();
        }

        var resident = await db.RequireResidentAsync(request.ResidentId, cancellationToken);
        var livesHere = await db.Households.AnyAsync(h => h.Id == resident.HouseholdId && h.BuildingId == building.Id, cancellationToken);
        building.AppointHead(resident, livesHere);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, NotFound>> AppointUnitHead(
        Guid id, AppointHeadRequest request, ClaimsPrincipal caller, GridDbContext db, CancellationToken cancellationToken)
    {
        // A unit is in its building's grid.
        var buildings = GridScope.Of(caller).Filter(db.Buildings, b => b.GridCode);
        var unit = await db.Units.Where(u => buildings.Any(b => b.Id == u.BuildingId)).SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (unit is null)
        {
            return TypedResults.NotFound();
        }

        var resident = await db.RequireResidentAsync(request.ResidentId, cancellationToken);
        var livesHere = await db.Households.AnyAsync(h => h.Id == resident.HouseholdId && h.UnitId == unit.Id, cancellationToken);
        unit.AppointHead(resident, livesHere);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Created<HouseholdResponse>> CreateHousehold(
        CreateHouseholdRequest request, ClaimsPrincipal caller, GridDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var building = request.BuildingId is { } buildingId
            ? await db.Buildings.FindInScopeAsync(b => b.Id == buildingId, GridScope.Of(caller), b => b.GridCode, cancellationToken)
            : null;
        if (building is null)
        {
            throw DomainValidationException.For("buildingId", request.BuildingId is null ? ValidationFailure.Required() : ValidationFailure.NotFound("names no building in your grids."));
        }

        var unit = request.UnitId is { } unitId ? await db.Units.SingleOrDefaultAsync(u => u.Id == unitId, cancellationToken) ?? throw DomainValidationException.For("unitId", ValidationFailure.NotFound("names no unit.")) : null;
        var household = Household.Create(building, unit, request.Room, time.GetUtcNow());
        db.Households.Add(household);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/grid/residents?householdId={household.Id}", new HouseholdResponse(household.Id, household.GridCode, household.BuildingId, household.UnitId, household.Room));
    }

    public static async Task<Ok<Page<HouseholdListItem>>> ListHouseholds(
        ClaimsPrincipal caller, GridDbContext db, [AsParameters] HouseholdFilter filter, Guid? cursor, int? limit, CancellationToken cancellationToken)
    {
        var households = filter.Apply(GridScope.Of(caller).Filter(db.Households.AsNoTracking(), h => h.GridCode));
        var page = await households.ToPageAsync(h => h.Id, cursor, limit, h => h, cancellationToken);
        var ids = page.Items.Select(h => h.Id).ToList();
        var buildingIds = page.Items.Select(h => h.BuildingId).Distinct().ToList();
        var unitIds = page.Items.Where(h => h.UnitId != null).Select(h => h.UnitId!.Value).Distinct().ToList();
        var buildings = await db.Buildings.Where(b => buildingIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, cancellationToken);
        var units = await db.Units.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        var members = await db.Residents.Where(r => ids.Contains(r.HouseholdId))
            .Select(r => new { r.Id, r.HouseholdId, Head = r.Relation == Resident.HeadOfHousehold })
            .ToListAsync(cancellationToken);
        var byHousehold = members.ToLookup(r => r.HouseholdId);
        return TypedResults.Ok(new Page<HouseholdListItem>([.. page.Items.Select(h => new HouseholdListItem(
            h.Id, h.GridCode, h.BuildingId, buildings[h.BuildingId], h.UnitId, h.UnitId is { } unit ? units[unit] : null, h.Room,
            byHousehold[h.Id].Where(r => r.Head).Select(r => (Guid?)r.Id).Min(), byHousehold[h.Id].Count()))], page.NextCursor));
    }

    public static async Task<Created<ResidentResponse>> RegisterResident(
        RegisterResidentRequest request, ClaimsPrincipal caller, GridDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var household = request.HouseholdId is { } householdId
            ? await db.Households.FindInScopeAsync(h => h.Id == householdId, GridScope.Of(caller), h => h.GridCode, cancellationToken)
            : null;
        if (household is null)
        {
            throw DomainValidationException.For("householdId", request.HouseholdId is null ? ValidationFailure.Required() : ValidationFailure.NotFound("names no household in your grids."));
        }

        var now = time.GetUtcNow();
        var validation = new Validation();
        var details = ResidentDetails.Check(validation, request.Name, request.Gender, request.BirthDate, request.Phone, request.Relation, CommunityTime.DateOf(now));
        validation.ThrowIfInvalid();
        var resident = Resident.Register(household, details!, now);
        db.Residents.Add(resident);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/grid/residents/{resident.Id}", ResidentResponse.From(resident));
    }

    public static async Task<Ok<Page<ResidentResponse>>> ListResidents(
        ClaimsPrincipal caller, GridDbContext db, [AsParameters] ResidentFilter filter, Guid? cursor, int? limit, CancellationToken cancellationToken)
    {
        var residents = filter.Apply(GridScope.Of(caller).Filter(db.Residents.AsNoTracking(), r => r.GridCode), db);
        return TypedResults.Ok(await residents.ToPageAsync(r => r.Id, cursor, limit, ResidentResponse.From, cancellationToken));
    }

    public static async Task<Results<Ok<ResidentResponse>, NotFound>> GetResident(Guid id, ClaimsPrincipal caller, GridDbContext db, CancellationToken cancellationToken)
    {
        var resident = await db.Residents.AsNoTracking().FindInScopeAsync(r => r.Id == id, GridScope.Of(caller), r => r.GridCode, cancellationToken);
        return resident is null ? TypedResults.NotFound() : TypedResults.Ok(ResidentResponse.From(resident));
    }

    public static async Task<Ok<ResidentImportResult>> ImportResidents(HttpRequest request, ClaimsPrincipal caller, ResidentImport import, CancellationToken cancellationToken) =>
        TypedResults.Ok(await import.ImportAsync(request.Body, GridScope.Of(caller), cancellationToken));

}

public sealed record CreateBuildingRequest(string? GridCode, string? Name, string? Address = null);

public sealed record CreateUnitRequest(string? Name);

public sealed record AppointHeadRequest(Guid? ResidentId);

public sealed record CreateHouseholdRequest(Guid? BuildingId, string? Room, Guid? UnitId = null);

public sealed record RegisterResidentRequest(Guid? HouseholdId, string? Name, string? Gender, DateOnly? BirthDate = null, string? Phone = null, string? Relation = null);

public sealed record UnitResponse(Guid Id, string Name, Guid? HeadResidentId);

public sealed record BuildingResponse(Guid Id, string GridCode, string Name, string? Address, Guid? HeadResidentId, int Households, IReadOnlyList<UnitResponse> Units);

public sealed record HouseholdResponse(Guid Id, string GridCode, Guid BuildingId, Guid? UnitId, string Room);

/// <summary>A household as the list shows it: where it is, who heads it (户主) and how many live there — no one's personal details.</summary>
public sealed record HouseholdListItem(
    Guid Id, string GridCode, Guid BuildingId, string BuildingName, Guid? UnitId, string? UnitName, string Room, Guid? HeadResidentId, int Residents);

/// <summary>A resident as the grid worker sees them; the phone number is stored for the worker's calls and not listed.</summary>
public sealed record ResidentResponse(Guid Id, Guid HouseholdId, string GridCode, string Name, Gender Gender, DateOnly? BirthDate, string Relation)
{
    public static ResidentResponse From(Resident r) => new(r.Id, r.HouseholdId, r.GridCode, r.Name, r.Gender, r.BirthDate, r.Relation);
}

/// <summary>The filter of the building list.</summary>
public sealed class BuildingFilter
{
    [FromQuery(Name = "gridCode")]
    public string? GridCode { get; init; }

    internal IQueryable<Building> Apply(IQueryable<Building> buildings)
    {
        buildings = buildings.WhereIf(!string.IsNullOrWhiteSpace(GridCode), b => b.GridCode == GridCode);

        return buildings;
    }
}

/// <summary>The filters of the household list; both are optional and they combine.</summary>
public sealed class HouseholdFilter
{
    [FromQuery(Name = "gridCode")]
    public string? GridCode { get; init; }

    [FromQuery(Name = "buildingId")]
    public Guid? BuildingId { get; init; }

    internal IQueryable<Household> Apply(IQueryable<Household> households)
    {
        households = households.WhereIf(!string.IsNullOrWhiteSpace(GridCode), h => h.GridCode == GridCode);
        households = households.WhereIf(BuildingId is not null, h => h.BuildingId == BuildingId);

        return households;
    }
}

/// <summary>The filters of the resident list; every one is optional and they combine.</summary>
public sealed class ResidentFilter
{
    [FromQuery(Name = "gridCode")]
    public string? GridCode { get; init; }

    [FromQuery(Name = "buildingId")]
    public Guid? BuildingId { get; init; }

    [FromQuery(Name = "householdId")]
    public Guid? HouseholdId { get; init; }

    /// <summary>A name or its beginning.</summary>
    [FromQuery(Name = "name")]
    public string? Name { get; init; }

    /// <summary>Building or Unit: the heads of buildings (楼栋长) or of units (单元长).</summary>
    [FromQuery(Name = "head")]
    public string? Head { get; init; }

    internal IQueryable<Resident> Apply(IQueryable<Resident> residents, GridDbContext db)
    {
        var validation = new Validation();
        var head = Head is null ? null : validation.RequireOneOf(Head, "head", HeadKinds.All);
        validation.ThrowIfInvalid();

        if (head is { } kind)
        {
            residents = Resident.Heading(residents, kind, db.Buildings, db.Units);
        }

        residents = residents.WhereIf(!string.IsNullOrWhiteSpace(GridCode), r => r.GridCode == GridCode);
        residents = residents.WhereIf(HouseholdId is not null, r => r.HouseholdId == HouseholdId);
        residents = residents.WhereIf(BuildingId is not null, r => db.Households.Any(h => h.Id == r.HouseholdId && h.BuildingId == BuildingId));
        if (Name?.Trim() is { Length: > 0 } prefix)
        {
            var pattern = SqlLike.StartsWith(prefix);
            residents = residents.Where(r => EF.Functions.Like(r.Name, pattern, SqlLike.EscapeCharacter));
        }

        return residents;
    }
}
