using CommunityPlatform.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace CommunityPlatform.Messaging;

public static class ServiceDatabaseExtensions
{
    /// <summary>
    /// The service's own PostgreSQL database through EF Core (snake_case names, retries, health check, telemetry),
    /// migrated at start-up before anything else runs, with the outbox's commit signal and any other registered
    /// <see cref="IInterceptor"/> wired in.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TDbContext>(this IHostApplicationBuilder builder, string connectionName)
        where TDbContext : DbContext
    {
        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IInterceptor, OutboxCommitInterceptor>());
        builder.Services.AddDbContextPool<TDbContext>((sp, options) =>
        {
            var connectionString = builder.Configuration.GetConnectionString(connectionName)
                ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not configured.");
            options.UseNpgsql(WithStatementReuse(connectionString))
                .UseSnakeCaseNamingConvention()
                .AddInterceptors(sp.GetServices<IInterceptor>());
        });
        builder.EnrichNpgsqlDbContext<TDbContext>();

        // Registered before the bus and the relay: hosted services start in order, and neither may touch the
        // database before its tables exist.
        builder.Services.AddHostedService<MigrateDatabase<TDbContext>>();
        return builder;
    }

    /// <summary>
    /// Every service repeats a handful of statements thousands of times a minute (its writes, the outbox claim, the
    /// inbox insert), so each pooled connection prepares them once (Npgsql auto-prepare) instead of PostgreSQL
    /// parsing and planning them on every call. Nor is a connection reset with <c>DISCARD ALL</c> each time it
    /// returns to the pool: no code here leaves session state behind, and the reset would cost a statement per use.
    /// A <c>Max Auto Prepare</c> set in the connection string wins.
    /// </summary>
    private static string WithStatementReuse(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true };
        if (settings.MaxAutoPrepare == 0)
        {
            settings.MaxAutoPrepare = 64;
        }

        return settings.ConnectionString;
    }
}
