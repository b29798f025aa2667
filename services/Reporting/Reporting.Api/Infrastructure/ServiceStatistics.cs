using System.Globalization;
using System.Text.Json;
using CommunityPlatform.ServiceDefaults;
using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.ServiceKit.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunityPlatform.Reporting.Infrastructure;

/// <summary>A service whose statistics could not be read; the report is refused rather than printed with gaps.</summary>
public sealed class StatisticsUnavailableException(string service, string reason) : Exception($"The {service} service's statistics could not be read: {reason}")
{
    public string Service { get; } = service;

    /// <summary>The service answered 401/403: the caller may read reports but not that service's figures.</summary>
    public bool Forbidden { get; init; }

    /// <summary>403 when the caller may not read that service's figures, else 503: the report is incomplete either way.</summary>
    public ProblemHttpResult ToProblem() => TypedResults.Problem(
        statusCode: Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status503ServiceUnavailable,
        title: Forbidden ? "You may not read every figure asked for." : "A service the figures come from is not answering.",
        detail: Message,
        extensions: new Dictionary<string, object?> { ["service"] = Service });
}

/// <summary>
/// Reads the four services' statistics for a period, as the caller: the caller's own access token is passed on, so
/// a report shows only what its reader may see, and each service stays the judge of its own data.
/// </summary>
public sealed class ServiceStatistics(HttpClient http)
{
    /// <summary>Each statistics source: the prefix of its figure keys, and the service-discovery name of the service.</summary>
    public static readonly IReadOnlyList<(string Service, string Host)> Sources =
    [
        ("membership", ResourceNames.MembershipApi),
        ("grid", ResourceNames.GridApi),
        ("safety", ResourceNames.SafetyApi),
        ("volunteer", ResourceNames.VolunteerApi),
    ];

    public const string ClientName = "statistics";

    public async Task<IReadOnlyDictionary<string, JsonElement>> ReadAsync(ReportingPeriod period, string? authorization, CancellationToken cancellationToken)
    {
        var query = string.Create(CultureInfo.InvariantCulture, $"?from={period.From:yyyy-MM-dd}&to={period.To:yyyy-MM-dd}");
        var reads = Sources.Select(async source =>
            (source.Service, Document: await GetAsync(source.Service, $"http://{source.Host}/api/{source.Service}/statistics{query}", authorization, cancellationToken)));
        return (await Task.WhenAll(reads)).ToDictionary(r => r.Service, r => r.Document);
    }

    /// <summary>The code of the general branch (党总支): the root of the organisation tree, if one exists yet.</summary>
    /// <remarks>Readers who may not see the organisation register (the county) get no committee figure rather than no report.</remarks>
    public async Task<string?> GeneralBranchAsync(string? authorization, CancellationToken cancellationToken)
    {
        JsonElement organisations;
        try
        {
            organisations = await GetAsync("membership", $"http://{ResourceNames.MembershipApi}/api/membership/organisations", authorization, cancellationToken);
        }
        catch (StatisticsUnavailableException unavailable) when (unavailable.Forbidden)
        {
            return null;
        }

        return organisations.EnumerateArray()
            .Where(o => o.GetProperty("kind").GetString() == "GeneralBranch" && o.GetProperty("parentCode").ValueKind == JsonValueKind.Null)
            .Select(o => o.GetProperty("code").GetString())
            .FirstOrDefault();
    }

    private async Task<JsonElement> GetAsync(string service, string url, string? authorization, CancellationToken cancellationToken)
    {
        var answer = await http.GetAsCallerAsync<JsonElement>(url, authorization, cancellationToken);
        return answer.Kind switch
        {
            ServiceAnswerKind.Answered => answer.Value,
            ServiceAnswerKind.Forbidden => throw new StatisticsUnavailableException(service, $"it refused the caller ({answer.Status}).") { Forbidden = true },
            _ => throw new StatisticsUnavailableException(service, answer.Status is { } status ? $"it answered {status}." : "the service did not answer."),
        };
    }
}
