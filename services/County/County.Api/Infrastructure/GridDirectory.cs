using System.Net;
using System.Net.Http.Headers;
using CommunityPlatform.ServiceDefaults;

namespace CommunityPlatform.County.Infrastructure;

/// <summary>What the grid service says about a grid code.</summary>
public enum GridLookup
{
    Known,
    Unknown,

    /// <summary>The grid service did not answer, or refused the caller: the code could not be checked.</summary>
    Unavailable,
}

/// <summary>
/// Asks the grid service whether a grid exists, as the caller (their access token passed on). The grid service is the
/// only complete list: the county service hears of new grids on the bus, but grids created before it was deployed
/// were never announced to it.
/// </summary>
public sealed class GridDirectory(IHttpClientFactory clients)
{
    public const string ClientName = "grid";

    public async Task<GridLookup> FindAsync(string gridCode, string? authorization, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://{ResourceNames.GridApi}/api/grid/grids/{Uri.EscapeDataString(gridCode)}");
        if (authorization is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
            return response.StatusCode switch
            {
                HttpStatusCode.OK => GridLookup.Known,
                HttpStatusCode.NotFound => GridLookup.Unknown,
                _ => GridLookup.Unavailable,
            };
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return GridLookup.Unavailable;
        }
    }
}
