using System.Text.Json;
using CommunityPlatform.Reporting.Extensions;
using CommunityPlatform.Reporting.Infrastructure;
using CommunityPlatform.ServiceKit.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunityPlatform.Reporting.Apis;

/// <summary>The current statistics of every service in one document: what the county platform pulls between reports.</summary>
public static class StatisticsApi
{
    public static IEndpointRouteBuilder MapStatisticsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reports/statistics", GetStatistics)
            .WithTags("Statistics")
            .WithSummary("The statistics of membership, grid, safety and volunteer for one period (?from=&to=, default: the half year to date), each exactly as that service answers it")
            .RequireAuthorization(ReportingPolicies.ReadReports);
        return app;
    }

    public static async Task<Results<Ok<SuiteStatistics>, ProblemHttpResult>> GetStatistics(
        DateOnly? from, DateOnly? to, HttpRequest request, ServiceStatistics statistics, TimeProvider time, CancellationToken cancellationToken)
    {
        var period = ReportingPeriod.Of(from, to, time);
        try
        {
            var documents = await statistics.ReadAsync(period, request.Headers.Authorization, cancellationToken);
            return TypedResults.Ok(new SuiteStatistics(period.From, period.To, time.GetUtcNow(),
                documents["membership"], documents["grid"], documents["safety"], documents["volunteer"]));
        }
        catch (StatisticsUnavailableException unavailable)
        {
            return unavailable.ToProblem();
        }
    }
}

/// <summary>One period's statistics of each service, as each service's own statistics endpoint answers them.</summary>
public sealed record SuiteStatistics(
    DateOnly From, DateOnly To, DateTimeOffset ReadAt, JsonElement Membership, JsonElement Grid, JsonElement Safety, JsonElement Volunteer);
