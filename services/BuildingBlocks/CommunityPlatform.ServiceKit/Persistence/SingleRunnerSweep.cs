using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommunityPlatform.ServiceKit.Persistence;

/// <summary>
/// A background check that runs every <see cref="Interval"/> in one retried transaction, under a transaction-scoped
/// advisory lock so that of several replicas one runs at a time and the others skip the turn. Whatever the sweep
/// announces is written in that same transaction (outbox rows beside the state they follow from), so a crash
/// repeats nothing and skips nothing.
/// </summary>
public abstract partial class SingleRunnerSweep<TDbContext>(IServiceScopeFactory scopes, TimeProvider time, ILogger logger) : BackgroundService
    where TDbContext : DbContext
{
    /// <summary>The advisory lock's key: one per kind of sweep across the suite's databases.</summary>
    protected abstract long LockKey { get; }

    protected abstract TimeSpan Interval { get; }

    protected TimeProvider Time => time;

    /// <summary>One run's work on <paramref name="db"/>; the base saves and commits it.</summary>
    protected abstract Task SweepAsync(TDbContext db, DateTimeOffset now, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogRunFailed(logger, GetType().Name, ex.GetType().Name, ex.Message);
            }

            await Task.Delay(Interval, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        await db.InRetriedTransactionAsync(async ct =>
        {
            var locked = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({LockKey}) AS \"Value\"").SingleAsync(ct);
            if (!locked)
            {
                return;
            }

            await SweepAsync(db, time.GetUtcNow(), ct);
            await db.SaveChangesAsync(ct);
        }, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Sweep} failed; it runs again at the next interval ({ErrorType}: {Error})")]
    private static partial void LogRunFailed(ILogger logger, string sweep, string errorType, string error);
}
