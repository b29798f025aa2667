using Microsoft.IdentityModel.Protocols;

namespace CommunityPlatform.ServiceKit.Security;

/// <summary>
/// Fetches the identity service's metadata and keys over the internal network (service discovery), whatever
/// public address — the gateway's — its discovery document names, so validating a token never depends on a
/// round trip through the gateway.
/// </summary>
internal sealed class IdentityServiceDocumentRetriever(HttpClient client, Uri identityService) : IDocumentRetriever
{
    private readonly HttpDocumentRetriever _inner = new(client) { RequireHttps = false };

    public Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        var requested = new Uri(address);
        var internalAddress = new UriBuilder(identityService) { Path = requested.AbsolutePath, Query = requested.Query }.Uri;
        return _inner.GetDocumentAsync(internalAddress.ToString(), cancel);
    }
}
