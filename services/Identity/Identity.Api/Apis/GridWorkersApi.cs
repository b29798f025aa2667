using System.Security.Claims;
using CommunityPlatform.Identity.Domain;
using CommunityPlatform.ServiceKit.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace CommunityPlatform.Identity.Apis;

/// <summary>
/// Who the grid workers (网格员) are: the grids an account works in are assigned here (they become its token's grid
/// claims), so the grid service asks here, as its caller, when it lists a grid with its workers. Only the id, the
/// display name and the grids: nothing else of the account.
/// </summary>
public static class GridWorkersApi
{
    public static IEndpointRouteBuilder MapGridWorkersApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/identity/grid-workers", ListGridWorkers)
            .WithTags("Users")
            .WithName("ListGridWorkers")
            .WithSummary("The grid workers with the grids they work in; a grid worker sees those of their own grids")
            .RequireAuthorization(Extensions.Extensions.ReadGridWorkers);
        return app;
    }

    public static async Task<Ok<List<GridWorkerResponse>>> ListGridWorkers(UserManager<CommunityUser> users, ClaimsPrincipal caller)
    {
        var scope = GridScope.Of(caller);
        var workers = await users.GetUsersInRoleAsync(CommunityRoles.GridWorker);
        return TypedResults.Ok(workers
            .Select(u => new GridWorkerResponse(u.Id, u.DisplayName, [.. u.GridCodes.Where(scope.Covers).Order(StringComparer.Ordinal)]))
            .Where(w => w.Grids.Count > 0)
            .OrderBy(w => w.Name, StringComparer.Ordinal)
            .ThenBy(w => w.UserId)
            .ToList());
    }
}

public sealed record GridWorkerResponse(Guid UserId, string Name, IReadOnlyList<string> Grids);
