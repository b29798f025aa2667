using CommunityPlatform.Grid.Domain;
using CommunityPlatform.Grid.Extensions;
using CommunityPlatform.Grid.Infrastructure;
using System.Security.Claims;
using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.ServiceKit.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.Grid.Apis;

public static class GridsApi
{
    public static IEndpointRouteBuilder MapGridsApi(this IEndpointRouteBuilder app)
    {
        var grids = app.MapGroup("/api/grid/grids").WithTags("Grids");

        grids.MapPost("/", CreateGrid)
            .WithName("CreateGrid")
            .WithSummary("Create a grid with a unique code")
            .RequireAuthorization(GridPolicies.ManageGrids);

        grids.MapGet("/", ListGrids)
            .WithName("ListGrids")
            .WithSummary("List the community's grids by code")
            .RequireAuthorization(GridPolicies.ReadGrids);

        grids.MapGet("/{code}", GetGrid)
            .WithName("GetGrid")
            .WithSummary("Get one grid by its code")
            .RequireAuthorization(GridPolicies.ReadGrids);

        return app;
    }

    public static async Task<Created<GridResponse>> CreateGrid(CreateGridRequest request, GridDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var grid = GridArea.Create(request.Code, request.Name, time.GetUtcNow());
        if (await db.Grids.AnyAsync(g => g.Code == grid.Code, cancellationToken))
        {
            throw new DomainRuleViolationException("grid.code-taken", $"A grid with code '{grid.Code}' already exists.");
        }

        db.Grids.Add(grid);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/grid/grids/{grid.Code}", GridResponse.From(grid));
    }

    public static async Task<Ok<List<GridResponse>>> ListGrids(GridDbContext db, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var query = GridScope.Of(caller).Filter(db.Grids.AsNoTracking(), g => g.Code);

        return TypedResults.Ok(await query.OrderBy(g => g.Code)
            .Select(g => new GridResponse(g.Id, g.Code, g.Name, g.CreatedAt)).ToListAsync(cancellationToken));
    }

    public static async Task<Results<Ok<GridResponse>, NotFound>> GetGrid(string code, GridDbContext db, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var grid = await db.Grids.AsNoTracking().SingleOrDefaultAsync(g => g.Code == code, cancellationToken);
        return grid is null || !GridScope.Of(caller).Covers(grid.Code) ? TypedResults.NotFound() : TypedResults.Ok(GridResponse.From(grid));
    }
}

public sealed record CreateGridRequest(string? Code, string? Name);

public sealed record GridResponse(Guid Id, string Code, string Name, DateTimeOffset CreatedAt)
{
    public static GridResponse From(GridArea grid) => new(grid.Id, grid.Code, grid.Name, grid.CreatedAt);
}
