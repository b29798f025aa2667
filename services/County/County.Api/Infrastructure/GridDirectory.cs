using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Http;

namespace CommunityPlatform.County.Infrastructure;

/// <summary>What the grid service says about a grid code.</summary>
public enum GridLookup
{
    Known,
    Unknown,

    /// <summary>The grid service refused the caller (401 or 403): they may not see that grid there.</summary>
    Forbidden,

    /// <summary>The grid service refused the question (another 4xx): the code is nothing it could look up.</summary>
    Refused,

    /// <summary>The grid service did not answer, timed out, was too busy (408, 429) or failed (5xx): the code could not be checked.</summary>
    Unavailable,
}

/// <summary>The grid service's answer: the lookup, and for a refusal its status and why (from its problem document).</summary>
public sealed record GridAnswer(GridLookup Lookup, int? Status = null, string? Reason = null);

/// <summary>
/// Asks the grid service whether a grid exists, as the caller (their access token passed on). The grid service is the
/// only complete list: the county service hears of new grids on the bus, but grids created before it was deployed
/// were never announced to it.
/// </summary>
public sealed class GridDirectory(IHttpClientFactory clients)
{
    public const string ClientName = "grid";

    public async Task<GridAnswer> FindAsync(string gridCode, string? authorization, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://{ResourceNames.GridApi}/api/grid/grids/{Uri.EscapeDataString(gridCode)}");
        if (authorization is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            return status switch
            {
                StatusCodes.Status200OK => new GridAnswer(GridLookup.Known),
                StatusCodes.Status404NotFound => new GridAnswer(GridLookup.Unknown),
                StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden =>
                    new GridAnswer(GridLookup.Forbidden, status, await ReasonAsync(response, cancellationToken)),
                // Asking again shortly may well succeed: these are the grid service's trouble, not the caller's.
                StatusCodes.Status408RequestTimeout or StatusCodes.Status429TooManyRequests => new GridAnswer(GridLookup.Unavailable, status),
                >= 400 and < 500 => new GridAnswer(GridLookup.Refused, status, await ReasonAsync(response, cancellationToken)),
                _ => new GridAnswer(GridLookup.Unavailable, status),
            };
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new GridAnswer(GridLookup.Unavailable);
        }
    }

    /// <summary>The title, detail and field errors of the grid service's problem document, or the status's reason phrase.</summary>
    private static async Task<string> ReasonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            try
            {
                var problem = await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(cancellationToken);
                var parts = new[] { problem?.Title, problem?.Detail }
                    .Concat(problem?.Errors.SelectMany(e => e.Value.Select(rule => $"{e.Key} {rule}")) ?? [])
                    .Where(part => !string.IsNullOrWhiteSpace(part));
                if (string.Join(" ", parts) is { Length: > 0 } reason)
                {
                    return reason;
                }
            }
            catch (JsonException)
            {
                // Not the problem document it claims to be: the status line still says what happened.
            }
        }

        return response.ReasonPhrase ?? $"HTTP {(int)response.StatusCode}";
    }
}
