using System.Net;
using System.Net.Http.Headers;
using CommunityPlatform.County.Infrastructure;
using CommunityPlatform.ServiceDefaults;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.TestSupport;
using MassTransit;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPlatform.County.FunctionalTests;

/// <summary>The county service against a real PostgreSQL and RabbitMQ, with the grid service it asks about grids played by <see cref="FakeGridService"/>.</summary>
public sealed class CountyApiFixture() : ServiceFixture<CountyDbContext>(ResourceNames.CountyDb)
{
    /// <summary>The grids the grid service knows.</summary>
    public static readonly string[] Grids = ["CG-01", "CG-02"];

    public FakeGridService GridService { get; } = new(Grids);

    /// <summary>The service with its grid lookups answered by <see cref="GridService"/> (same database and broker).</summary>
    public WebApplicationFactory<CountyDbContext> WithGrids { get; private set; } = null!;

    /// <summary>A client calling as the county platform (role county).</summary>
    public HttpClient County { get; private set; } = null!;

    /// <summary>A client calling as the community's secretary, whose sign-for reaches <see cref="GridService"/>.</summary>
    public HttpClient Secretary { get; private set; } = null!;

    public IBus Bus => App.Services.GetRequiredService<IBus>();

    protected override Task SeedAsync()
    {
        WithGrids = App.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddHttpClient(GridDirectory.ClientName).ConfigurePrimaryHttpMessageHandler(() => GridService)));
        County = As(CommunityRoles.County);
        Secretary = As(CommunityRoles.Secretary);
        return Task.CompletedTask;
    }

    /// <summary>A client calling as someone with <paramref name="role"/> (and <paramref name="grids"/>).</summary>
    public HttpClient As(string role, params string[] grids)
    {
        var client = WithGrids.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(role, grids));
        return client;
    }
}

/// <summary>
/// Answers <c>GET /api/grid/grids/{code}</c> as the grid service would: 200 for a grid it knows, 404 otherwise, 503
/// while <see cref="Down"/>. Remembers the bearer token of the last lookup.
/// </summary>
public sealed class FakeGridService(IEnumerable<string> grids) : HttpMessageHandler
{
    private readonly HashSet<string> _grids = [.. grids];

    public bool Down { get; set; }

    public AuthenticationHeaderValue? LastAuthorization { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        LastAuthorization = request.Headers.Authorization;
        var prefix = $"http://{ResourceNames.GridApi}/api/grid/grids/";
        var url = request.RequestUri!.ToString();
        var status = Down ? HttpStatusCode.ServiceUnavailable
            : request.Method == HttpMethod.Get && url.StartsWith(prefix, StringComparison.Ordinal) && _grids.Contains(Uri.UnescapeDataString(url[prefix.Length..]))
                ? HttpStatusCode.OK
                : HttpStatusCode.NotFound;
        return Task.FromResult(new HttpResponseMessage(status) { RequestMessage = request, Content = new StringContent("{}") });
    }
}

[CollectionDefinition(Name)]
public sealed class CountyApiCollection : ICollectionFixture<CountyApiFixture>
{
    public const string Name = "county-api";
}
