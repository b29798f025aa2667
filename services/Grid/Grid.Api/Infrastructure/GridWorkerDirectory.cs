using System.Net.Http.Headers;
using System.Net.Http.Json;
using CommunityPlatform.ServiceDefaults;

namespace CommunityPlatform.Grid.Infrastructure;

/// <summary>A grid worker (网格员) of a grid, as the identity service knows them.</summary>
public sealed record GridWorker(string UserId, string Name);

/// <summary>
/// Asks the identity service who works in which grid, as the caller (their access token passed on). Identity is
/// where a grid worker is given their grids — they become the token's grid claims that open the grid to them — so
/// it is the one list; a copy kept here would go stale with every change of access. Names are personal data, so
/// they travel on this call to a caller who may see them, never on the bus.
/// </summary>
public sealed class GridWorkerDirectory(IHttpClientFactory clients)
{
    public const string ClientName = "identity";

    /// <summary>The workers of each grid the caller may see, or null when the identity service could not be asked.</summary>
    public async Task<ILookup<string, GridWorker>?> ByGridAsync(string? authorization, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://{ResourceNames.IdentityApi}/api/identity/grid-workers");
        if (authorization is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            var workers = await response.Content.ReadFromJsonAsync<List<IdentityGridWorker>>(cancellationToken) ?? [];
            return workers
                .SelectMany(w => w.Grids.Select(grid => (Grid: grid, Worker: new GridWorker(w.UserId.ToString(), w.Name))))
                .ToLookup(w => w.Grid, w => w.Worker, StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is HttpRequestException or System.Text.Json.JsonException || ex is TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private sealed record IdentityGridWorker(Guid UserId, string Name, IReadOnlyList<string> Grids);
}
