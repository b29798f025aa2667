using CommunityPlatform.Grid.Domain;
using CommunityPlatform.Grid.Extensions;
using CommunityPlatform.ServiceKit.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityPlatform.Grid.Infrastructure;

/// <summary>
/// Closes resolved matters whose reporter did not rate them within the rating window, without a score, so that an
/// unanswered rating never holds a matter open (their <c>MatterClosed</c> goes out in the same transaction).
/// </summary>
public sealed class MatterMonitor(IServiceScopeFactory scopeFactory, IOptions<GridOptions> options, TimeProvider time, ILogger<MatterMonitor> logger)
    : SingleRunnerSweep<GridDbContext>(scopeFactory, time, logger)
{
    protected override long LockKey => 0x6121_D001;

    protected override TimeSpan Interval => options.Value.MonitorInterval;

    protected override async Task SweepAsync(GridDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var window = options.Value.RatingWindow;
        foreach (var matter in await Matter.AwaitingRatingSince(db.Matters, now - window).ToListAsync(cancellationToken))
        {
            matter.CloseUnrated(window, now);
        }
    }
}
