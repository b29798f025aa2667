using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace CommunityPlatform.ServiceKit.Persistence;

public static class ServiceDatabaseExtensions
{
    /// <summary>The trace source of the service databases' start-up (the migrations), exported by ServiceDefaults.</summary>
    public const string TelemetryName = "CommunityPlatform.Persistence";

    internal static readonly ActivitySource ActivitySource = new(TelemetryName);

    /// <summary>
    /// The service's own PostgreSQL database through EF Core (snake_case names, retries, health check, telemetry),
    /// migrated at start-up before anything else runs, with every <see cref="IInterceptor"/> registered in the
    /// container wired in (the messaging block registers its outbox's commit signal so).
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TDbContext>(this IHostApplicationBuilder builder, string connectionName)
        where TDbContext : DbContext
    {
        builder.Services.AddDbContextPool<TDbContext>((sp, options) =>
        {
            var connectionString = builder.Configuration.GetConnectionString(connectionName)
                ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not configured.");
            options.UseNpgsql(WithStatementReuse(connectionString))
                .UseSnakeCaseNamingConvention()
                .AddInterceptors(sp.GetServices<IInterceptor>());
        });
        builder.EnrichNpgsqlDbContext<TDbContext>();
        builder.Services.MigrateFirst<TDbContext>();
        return builder;
    }

    /// <summary>
    /// Registers <see cref="MigrateDatabase{TDbContext}"/> ahead of every hosted service registered so far; those
    /// registered later come after it anyway. Hosted services start one after another in registration order, so
    /// the bus, the outbox relay, seeders and sweeps find their tables whichever was added to the host first.
    /// </summary>
    private static void MigrateFirst<TDbContext>(this IServiceCollection services)
        where TDbContext : DbContext
    {
        var firstHostedService = 0;
        while (firstHostedService < services.Count && services[firstHostedService].ServiceType != typeof(IHostedService))
        {
            firstHostedService++;
        }

        services.Insert(firstHostedService, ServiceDescriptor.Singleton<IHostedService, MigrateDatabase<TDbContext>>());
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
