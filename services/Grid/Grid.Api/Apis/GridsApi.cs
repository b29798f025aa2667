using System.Security.Claims;
using CommunityPlatform.Grid.Domain;
using CommunityPlatform.Grid.Extensions;
using CommunityPlatform.Grid.Infrastructure;
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
            .WithSummary("Create a grid with a unique code; publishes GridCreated")
            .RequireAuthorization(GridPolicies.ManageGrids);
        grids.MapGet("/", ListGrids)
            .WithName("ListGrids")
            .WithSummary("List the community's grids by code, with their grid workers as the identity service assigns them")
            .RequireAuthorization(GridPolicies.ReadGrids);
        grids.MapGet("/{code}", GetGrid)
            .WithName("GetGrid")
            .WithSummary("Get one grid by its code")
            .RequireAuthorization(GridPolicies.ReadGrids);
        grids.MapPut("/{code}", RenameGrid)
            .WithSummary("Rename a grid (its code never changes); publishes GridRenamed")
            .RequireAuthorization(GridPolicies.ManageGrids);

        return app;
    }

    public static async Task<Created<GridResponse>> CreateGrid(
        CreateGridRequest request, GridDbContext db, GridWorkerDirectory directory, HttpRequest http, TimeProvider time, CancellationToken cancellationToken)
    {
        var grid = GridArea.Create(request.Code, request.Name, time.GetUtcNow());
        if (await db.Grids.AnyAsync(g => g.Code == grid.Code, cancellationToken))
        {
            throw new DomainRuleViolationException("grid.code-taken", $"A grid with code '{grid.Code}' already exists.");
        }

        db.Grids.Add(grid);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/grid/grids/{grid.Code}", GridResponse.From(grid, await directory.ByGridAsync(http.Headers.Authorization, cancellationToken)));
    }

    public static async Task<Ok<List<GridResponse>>> ListGrids(
        GridDbContext db, GridWorkerDirectory directory, HttpRequest http, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var grids = await GridScope.Of(caller).Filter(db.Grids.AsNoTracking(), g => g.Code).OrderBy(g => g.Code).ToListAsync(cancellationToken);
        var workers = await directory.ByGridAsync(http.Headers.Authorization, cancellationToken);
        return TypedResults.Ok(grids.Select(g => GridResponse.From(g, workers)).ToList());
    }

    public static async Task<Results<Ok<GridResponse>, NotFound>> GetGrid(
        string code, GridDbContext db, GridWorkerDirectory directory, HttpRequest http, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var grid = await db.Grids.AsNoTracking().FindInScopeAsync(g => g.Code == code, GridScope.Of(caller), g => g.Code, cancellationToken);
        return grid is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(GridResponse.From(grid, await directory.ByGridAsync(http.Headers.Authorization, cancellationToken)));
    }

    public static async Task<Results<Ok<GridResponse>, NotFound>> RenameGrid(
        string code, RenameGridRequest request, GridDbContext db, GridWorkerDirectory directory, HttpRequest http, TimeProvider time, CancellationToken cancellationToken)
    {
        var grid = await db.Grids.SingleOrDefaultAsync(g => g.Code == code, cancellationToken);
        if (grid is null)
        {
            return TypedResults.NotFound();
        }

        grid.Rename(request.Name, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Ok(GridResponse.From(grid, await directory.ByGridAsync(http.Headers.Authorization, cancellationToken)));
    }
}

public sealed record CreateGridRequest(string? Code, string? Name);

public sealed record RenameGridRequest(string? Name);

/// <summary>A grid with its workers as the identity service lists them; <c>workers</c> is null when it could not be asked.</summary>
public sealed record GridResponse(Guid Id, string Code, string Name, IReadOnlyList<GridWorker>? Workers, DateTimeOffset CreatedAt)
{
    public static GridResponse From(GridArea grid, ILookup<string, GridWorker>? workers) =>
        new(grid.Id, grid.Code, grid.Name, workers is null ? null : [.. workers[grid.Code]], grid.CreatedAt);
}
