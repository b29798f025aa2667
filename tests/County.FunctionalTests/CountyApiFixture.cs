using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
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
/// while <see cref="Down"/>, or <see cref="Answer"/> with a problem document titled <see cref="ProblemTitle"/>.
/// Counts the lookups and remembers the bearer token of the last.
/// </summary>
public sealed class FakeGridService(IEnumerable<string> grids) : HttpMessageHandler
{
    public const string ProblemTitle = "网格服务拒绝了这个请求";

    private readonly HashSet<string> _grids = [.. grids];
    private int _lookups;

    public bool Down { get; set; }

    public HttpStatusCode? Answer { get; set; }

    public int Lookups => _lookups;

    public AuthenticationHeaderValue? LastAuthorization { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _lookups);
        LastAuthorization = request.Headers.Authorization;
        if (Answer is { } answer)
        {
            var problem = JsonContent.Create(new { title = ProblemTitle, status = (int)answer }, mediaType: new MediaTypeHeaderValue("application/problem+json"));
            return Task.FromResult(new HttpResponseMessage(answer) { RequestMessage = request, Content = problem });
        }

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
