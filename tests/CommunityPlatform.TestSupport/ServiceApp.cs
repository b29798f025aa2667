using System.Net.Http.Headers;
using CommunityPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPlatform.TestSupport;

/// <summary>
/// One of the suite's services running in-process against the fixture's real PostgreSQL and RabbitMQ.
/// <typeparamref name="TEntryPoint"/> is any public type of the service's assembly.
/// </summary>
public sealed class ServiceApp<TEntryPoint>(
    LocalInfrastructureFixture infrastructure, string connectionName, string database, IReadOnlyDictionary<string, string>? settings = null,
    Action<IServiceCollection>? testServices = null)
    : WebApplicationFactory<TEntryPoint>, IServiceApp
    where TEntryPoint : class
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting($"ConnectionStrings:{connectionName}", infrastructure.ServiceConnectionString(database));
        builder.UseSetting($"ConnectionStrings:{ResourceNames.Messaging}", infrastructure.MessagingConnectionString);
        // Faster polling keeps fault tests short; the commit signal does the work on the happy path.
        builder.UseSetting("Messaging:Outbox:MaxRetryDelay", "00:00:01");
        builder.UseSetting("Authentication:Issuer", TestTokens.Issuer);
        foreach (var (key, value) in infrastructure.KeyRingSettings(database))
        {
            builder.UseSetting(key, value);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        // Trust the test signing key instead of fetching the identity service's keys.
        builder.ConfigureTestServices(services =>
        {
            TestTokens.TrustInTests(services);
            testServices?.Invoke(services);
        });
    }

    IServiceProvider IServiceApp.Services => Services;

    public HttpClient CreateAnonymousClient() => CreateClient();

    /// <summary>A client that calls as someone with <paramref name="role"/> (and <paramref name="grids"/>).</summary>
    public HttpClient CreateClientAs(string role, params string[] grids)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(role, grids));
        return client;
    }
}
