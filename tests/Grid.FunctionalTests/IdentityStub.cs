using System.Net;
using System.Net.Http.Json;

namespace CommunityPlatform.Grid.FunctionalTests;

/// <summary>
/// Stands in for the identity service's grid-worker list, which the grid service asks with its caller's token.
/// (Identity's own tests cover the list itself; the end-to-end suite runs both.)
/// </summary>
public sealed class IdentityStub : HttpMessageHandler
{
    public sealed record Worker(Guid UserId, string Name, IReadOnlyList<string> Grids);

    public IReadOnlyList<Worker> GridWorkers { get; set; } = [];

    public bool Unavailable { get; set; }

    public string? LastAuthorization { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        LastAuthorization = request.Headers.Authorization?.ToString();
        if (Unavailable)
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        }

        return Task.FromResult(request.RequestUri?.AbsolutePath != "/api/identity/grid-workers" ? new HttpResponseMessage(HttpStatusCode.NotFound)
            : LastAuthorization is null ? new HttpResponseMessage(HttpStatusCode.Unauthorized)
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(GridWorkers) });
    }
}
