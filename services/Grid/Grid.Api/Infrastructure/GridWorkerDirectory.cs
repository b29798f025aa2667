using System.Text.Json;
using CommunityPlatform.ServiceDefaults;
using CommunityPlatform.ServiceKit.Http;

namespace CommunityPlatform.Grid.Infrastructure;

/// <summary>A grid worker (网格员) of a grid, as the identity service knows them.</summary>
public sealed record GridWorker(string UserId, string Name);

/// <summary>
/// Asks the identity service who works in which grid, as the caller (their access token passed on). Identity is
/// where a grid worker is given their grids — they become the token's grid claims that open the grid to them — so
/// it is the one list; a copy kept here would go stale with every change of access. Names are personal data, so
/// they travel on this call to a caller who may see them, never on the bus.
/// </summary>
public sealed class GridWorkerDirectory(HttpClient http)
{
    public const string ClientName = "identity";

    /// <summary>The workers of each grid the caller may see, or null when the identity service could not be asked.</summary>
    public async Task<ILookup<string, GridWorker>?> ByGridAsync(string? authorization, CancellationToken cancellationToken)
    {
        ServiceAnswer<List<IdentityGridWorker>> answer;
        try
        {
            answer = await http.GetAsCallerAsync<List<IdentityGridWorker>>(
                $"http://{ResourceNames.IdentityApi}/api/identity/grid-workers", authorization, cancellationToken);
        }
        catch (JsonException)
        {
            // A list that cannot be read leaves the grids without workers, as one that could not be asked does.
            return null;
        }

        return answer.Kind != ServiceAnswerKind.Answered
            ? null
            : (answer.Value ?? [])
                .SelectMany(w => w.Grids.Select(grid => (Grid: grid, Worker: new GridWorker(w.UserId.ToString(), w.Name))))
                .ToLookup(w => w.Grid, w => w.Worker, StringComparer.Ordinal);
    }

    private sealed record IdentityGridWorker(Guid UserId, string Name, IReadOnlyList<string> Grids);
}
