using CommunityPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CommunityPlatform.TestSupport;

/// <summary>
/// One of the suite's services running in-process against the fixture's real PostgreSQL and RabbitMQ.
/// <typeparamref name="TEntryPoint"/> is any public type of the service's assembly.
/// </summary>
public sealed class ServiceApp<TEntryPoint>(
    LocalInfrastructureFixture infrastructure, string connectionName, string database, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting($"ConnectionStrings:{connectionName}", infrastructure.DatabaseConnectionString(database));
        builder.UseSetting($"ConnectionStrings:{ResourceNames.Messaging}", infrastructure.MessagingConnectionString);
        // Faster polling keeps fault tests short; the commit signal does the work on the happy path.
        builder.UseSetting("Messaging:Outbox:MaxRetryDelay", "00:00:01");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }
}
