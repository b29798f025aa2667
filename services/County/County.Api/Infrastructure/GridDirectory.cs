using System.Text.Json;
using CommunityPlatform.ServiceDefaults;
using CommunityPlatform.ServiceKit.Http;

namespace CommunityPlatform.County.Infrastructure;

/// <summary>
/// Asks the grid service whether a grid exists, as the caller (their access token passed on). The grid service is the
/// only complete list: the county service hears of new grids on the bus, but grids created before it was deployed
/// were never announced to it.
/// </summary>
public sealed class GridDirectory(HttpClient http)
{
    public const string ClientName = "grid";

    /// <summary>Answered when the grid exists, not found when it does not; forbidden, refused or unavailable as the grid service answered.</summary>
    public Task<ServiceAnswer<JsonElement>> FindAsync(string gridCode, string? authorization, CancellationToken cancellationToken) =>
        http.GetAsCallerAsync<JsonElement>($"http://{ResourceNames.GridApi}/api/grid/grids/{Uri.EscapeDataString(gridCode)}", authorization, cancellationToken);
}
