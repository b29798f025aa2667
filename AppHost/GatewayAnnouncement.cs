using System.Diagnostics;
using Aspire.Hosting.ApplicationModel;

namespace CommunityPlatform.AppHost;

public static class GatewayAnnouncement
{
    /// <summary>
    /// Prints the gateway's address once it is healthy; it waits for every service, so this is also the moment
    /// the whole suite is up.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AnnounceWhenReady(this IResourceBuilder<ProjectResource> gateway)
    {
        var sinceStart = Stopwatch.StartNew();
        return gateway.OnResourceReady((resource, _, _) =>
        {
            var url = resource.GetEndpoint("http").Url;
            Console.WriteLine($"""

                CommunityPlatform is up: every service healthy after {sinceStart.Elapsed.TotalSeconds:0} s.
                  Gateway:    {url}
                  Workbench:  {url}/  (sign in with a demo account, e.g. gridworker / Community@2026)
                  Try:        curl {url}/health

                """);
            return Task.CompletedTask;
        });
    }
}
