using CommunityPlatform.Reporting.Domain;
using CommunityPlatform.Reporting.Extensions;
using CommunityPlatform.ServiceKit.Domain;
using Microsoft.Extensions.Options;

namespace CommunityPlatform.Reporting.Infrastructure;

/// <summary>Composes a half-year report from what the services count right now.</summary>
public sealed class LiveReports(ServiceStatistics statistics, TimeProvider time, IOptions<ReportingOptions> options)
{
    public async Task<HalfYearReport> ComposeAsync(int? year, int? half, string? authorization, CancellationToken cancellationToken)
    {
        var today = CommunityTime.Today(time);
        var halfYear = HalfYear.Of(year, half, today);
        var period = halfYear.PeriodAsOf(today);
        var figures = statistics.ReadAsync(period, authorization, cancellationToken);
        var generalBranch = statistics.GeneralBranchAsync(authorization, cancellationToken);
        return ReportComposer.Compose(options.Value.CommunityName, halfYear, period, await generalBranch, await figures, time.GetUtcNow());
    }
}
