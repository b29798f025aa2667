using System.Net.Http.Headers;
using CommunityPlatform.Reporting.Infrastructure;
using CommunityPlatform.ServiceDefaults;
using CommunityPlatform.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPlatform.Reporting.FunctionalTests;

/// <summary>The reporting service against a real PostgreSQL and RabbitMQ, with the four services it reads played by <see cref="FakeServices"/>.</summary>
public sealed class ReportingApiFixture() : ServiceFixture<ReportingDbContext>(ResourceNames.ReportingDb)
{
    public FakeServices Services { get; } = new();

    public WebApplicationFactory<ReportingDbContext> Reporting { get; private set; } = null!;

    protected override Task SeedAsync()
    {
        Reporting = App.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddHttpClient(ServiceStatistics.ClientName).ConfigurePrimaryHttpMessageHandler(() => Services)));
        return Task.CompletedTask;
    }

    /// <summary>A client of the reporting service calling as someone with <paramref name="role"/>.</summary>
    public HttpClient As(string role)
    {
        var client = Reporting.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(role));
        return client;
    }
}

[CollectionDefinition(Name)]
public sealed class ReportingApiCollection : ICollectionFixture<ReportingApiFixture>
{
    public const string Name = "reporting-api";
}
