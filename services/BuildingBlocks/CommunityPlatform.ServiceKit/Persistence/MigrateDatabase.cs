using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommunityPlatform.ServiceKit.Persistence;

/// <summary>
/// Applies the service's committed migrations (creating the database if needed) and seals personal data still
/// stored in the clear from before a column was sealed, during start-up. The host
/// does not start listening, and so does not report healthy, until this has finished. The server may still be
/// starting (local mode has nothing to wait for), so it retries.
/// </summary>
public sealed partial class MigrateDatabase<TDbContext>(IServiceScopeFactory scopeFactory, ILogger<MigrateDatabase<TDbContext>> logger) : IHostedService
    where TDbContext : DbContext
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var activity = ServiceDatabaseExtensions.ActivitySource.StartActivity($"migrate {typeof(TDbContext).Name}");
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = scopeFactory.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
                await db.Database.MigrateAsync(cancellationToken);
                await db.SealLegacyValuesAsync(cancellationToken);
                return;
            }
            catch (Exception ex) when (attempt < 60 && !cancellationToken.IsCancellationRequested)
            {
                LogRetry(logger, typeof(TDbContext).Name, attempt, ex.GetType().Name, ex.Message);
                activity?.AddEvent(new ActivityEvent("retry"));
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Migrating {Context} failed (attempt {Attempt}); retrying: {ErrorType}: {Error}")]
    private static partial void LogRetry(ILogger logger, string context, int attempt, string errorType, string error);
}
