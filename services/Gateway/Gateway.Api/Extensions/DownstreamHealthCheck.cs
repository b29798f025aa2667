using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CommunityPlatform.Gateway.Extensions;

/// <summary>Reports a service behind the gateway as healthy only when its own readiness check passes.</summary>
internal sealed class DownstreamHealthCheck(IHttpClientFactory httpClientFactory, Uri healthUri) : IHealthCheck
{
    public const string ClientName = "downstream-health";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await httpClientFactory.CreateClient(ClientName).GetAsync(healthUri, cancellationToken);
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy()
                : new HealthCheckResult(context.Registration.FailureStatus, $"{healthUri.Host} answered {(int)response.StatusCode}.");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"{healthUri.Host} is unreachable ({ex.GetType().Name}).");
        }
    }
}
