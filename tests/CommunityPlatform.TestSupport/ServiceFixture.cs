using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CommunityPlatform.TestSupport;

/// <summary>
/// One service in-process against a real PostgreSQL and RabbitMQ started for its test assembly — the shape of
/// every <c>&lt;Service&gt;.FunctionalTests</c> project. <typeparamref name="TEntryPoint"/> is any public type
/// of the service (its DbContext does well), <paramref name="connectionName"/> its database's resource name.
/// </summary>
public abstract class ServiceFixture<TEntryPoint>(string connectionName, IReadOnlyDictionary<string, string>? settings = null) : IAsyncLifetime
    where TEntryPoint : class
{
    public LocalInfrastructureFixture Infrastructure { get; } = new();

    public string Database => connectionName;

    public ServiceApp<TEntryPoint> App { get; private set; } = null!;

    /// <summary>A client signed in as the community's secretary, who may do everything.</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <summary>A client without a token.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Infrastructure.InitializeAsync();
        App = new ServiceApp<TEntryPoint>(Infrastructure, connectionName, connectionName, settings, ConfigureTestServices);
        Client = App.CreateClientAs(ServiceKit.Security.CommunityRoles.Secretary);
        Anonymous = App.CreateClient();
        await SeedAsync();
    }

    /// <summary>Stands in for what the service would reach outside the test run (another service it calls).</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    /// <summary>Reference data every test of the service relies on, created through the service's own API.</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Infrastructure.DisposeAsync();
    }

    /// <summary>Runs a scalar query against the service's own database.</summary>
    public Task<T> ScalarAsync<T>(string sql) => Infrastructure.ScalarAsync<T>(connectionName, sql);
}
