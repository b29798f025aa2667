using CommunityPlatform.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

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
            options.UseNpgsql(connectionString)
                .UseSnakeCaseNamingConvention()
                .AddInterceptors(sp.GetServices<IInterceptor>());
        });
        builder.EnrichNpgsqlDbContext<TDbContext>();

        // Registered before the bus and the relay: hosted services start in order, and neither may touch the
        // database before its tables exist.
        builder.Services.AddHostedService<MigrateDatabase<TDbContext>>();
        return builder;
    }
}
