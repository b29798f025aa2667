using CommunityPlatform.Messaging.Outbox;
using CommunityPlatform.Messaging.Tests.Ledger;
using CommunityPlatform.ServiceKit.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CommunityPlatform.Messaging.Tests;

/// <summary>
/// The database and the bus are two building blocks a service adds in either order: the migrations still run
/// first, and the database still wires in the outbox's commit interceptor that the messaging block registers.
/// Nothing here connects to a server.
/// </summary>
public sealed class StartOrderTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Migrations_start_before_the_bus_and_the_relay_whichever_is_added_first(bool databaseFirst)
    {
        using var host = Build(databaseFirst);

        var hosted = host.Services.GetServices<IHostedService>().ToList();
        Assert.IsType<MigrateDatabase<LedgerDbContext>>(hosted[0]);
        Assert.Contains(hosted.Skip(1), service => service is OutboxRelay<LedgerDbContext>);
        Assert.Contains(hosted.Skip(1), service => service.GetType().Namespace!.StartsWith("MassTransit", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_database_wires_in_the_outbox_commit_interceptor_whichever_is_added_first(bool databaseFirst)
    {
        using var host = Build(databaseFirst);
        using var scope = host.Services.CreateScope();

        var options = scope.ServiceProvider.GetRequiredService<LedgerDbContext>().GetService<IDbContextOptions>();
        Assert.Contains(options.FindExtension<CoreOptionsExtension>()!.Interceptors!, interceptor => interceptor is OutboxCommitInterceptor);
    }

    private static IHost Build(bool databaseFirst)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:ledger"] = "Host=localhost;Database=ledger;Username=ledger;Password=ledger",
            ["ConnectionStrings:messaging"] = "amqp://guest:guest@localhost:5672",
        });
        if (databaseFirst)
        {
            builder.AddServiceDatabase<LedgerDbContext>("ledger");
        }

        builder.AddPlatformMessaging<LedgerDbContext>("ledger-start-order", messaging => messaging.AddConsumer<RecordEffectConsumer, LedgerEntryRecorded>());
        if (!databaseFirst)
        {
            builder.AddServiceDatabase<LedgerDbContext>("ledger");
        }

        return builder.Build();
    }
}
