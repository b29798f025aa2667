using System.Security.Claims;
using CommunityPlatform.Grid.Domain;
using CommunityPlatform.Grid.Extensions;
using CommunityPlatform.Grid.Infrastructure;
using CommunityPlatform.Messaging.Outbox;
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
            .WithSummary("List the community's grids by code, with their grid workers")
            .RequireAuthorization(GridPolicies.ReadGrids);
        grids.MapGet("/{code}", GetGrid)
            .WithName("GetGrid")
            .WithSummary("Get one grid by its code")
            .RequireAuthorization(GridPolicies.ReadGrids);
        grids.MapPut("/{code}", RenameGrid)
            .WithSummary("Rename a grid (its code never changes); publishes GridRenamed")
            .RequireAuthorization(GridPolicies.ManageGrids);
        grids.MapPut("/{code}/workers", AssignWorkers)
            .WithSummary("Replace the grid's grid workers (网格员)")
            .RequireAuthorization(GridPolicies.ManageGrids);

        return app;
    }

    public static async Task<Created<GridResponse>> CreateGrid(CreateGridRequest request, GridDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var (grid, created) = GridArea.Create(request.Code, request.Name, time.GetUtcNow());
        if (await db.Grids.AnyAsync(g => g.Code == grid.Code, cancellationToken))
        {
            throw new DomainRuleViolationException("grid.code-taken", $"A grid with code '{grid.Code}' already exists.");
        }

        db.Grids.Add(grid);
        db.AddIntegrationEvent(created);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/grid/grids/{grid.Code}", GridResponse.From(grid));
    }

    public static async Task<Ok<List<GridResponse>>> ListGrids(GridDbContext db, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var grids = await GridScope.Of(caller).Filter(db.Grids.AsNoTracking(), g => g.Code).OrderBy(g => g.Code).ToListAsync(cancellationToken);
        return TypedResults.Ok(grids.Select(GridResponse.From).ToList());
    }

    public static async Task<Results<Ok<GridResponse>, NotFound>> GetGrid(string code, GridDbContext db, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var grid = await db.Grids.AsNoTracking().SingleOrDefaultAsync(g => g.Code == code, cancellationToken);
        return grid is null || !GridScope.Of(caller).Covers(grid.Code) ? TypedResults.NotFound() : TypedResults.Ok(GridResponse.From(grid));
    }

    public static async Task<Results<Ok<GridResponse>, NotFound>> RenameGrid(
        string code, RenameGridRequest request, GridDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var grid = await db.Grids.SingleOrDefaultAsync(g => g.Code == code, cancellationToken);
        if (grid is null)
        {
            return TypedResults.NotFound();
        }

        if (grid.Rename(request.Name, time.GetUtcNow()) is { } renamed)
        {
            db.AddIntegrationEvent(renamed);
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(GridResponse.From(grid));
    }

    public static async Task<Results<Ok<GridResponse>, NotFound>> AssignWorkers(
        string code, AssignWorkersRequest request, GridDbContext db, CancellationToken cancellationToken)
    {
        var grid = await db.Grids.SingleOrDefaultAsync(g => g.Code == code, cancellationToken);
        if (grid is null)
        {
            return TypedResults.NotFound();
        }

        grid.AssignWorkers(request.Workers?.Select(w => new GridWorker(w.UserId ?? "", w.Name ?? "")).ToList());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(GridResponse.From(grid));
    }
}

public sealed record CreateGridRequest(string? Code, string? Name);

public sealed record RenameGridRequest(string? Name);

public sealed record GridWorkerRequest(string? UserId, string? Name);

public sealed record AssignWorkersRequest(IReadOnlyList<GridWorkerRequest>? Workers);

public sealed record GridResponse(Guid Id, string Code, string Name, IReadOnlyList<GridWorker> Workers, DateTimeOffset CreatedAt)
{
    public static GridResponse From(GridArea grid) => new(grid.Id, grid.Code, grid.Name, grid.Workers, grid.CreatedAt);
}
