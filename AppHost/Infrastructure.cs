using System.Diagnostics;
using System.Net.Sockets;
using Aspire.Hosting.ApplicationModel;
using CommunityPlatform.LocalServers;
using CommunityPlatform.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CommunityPlatform.AppHost;

/// <summary>
/// The servers the services need, whatever the mode: a connection string per service database and one for the
/// broker, plus whatever the services must wait for before they start, and where services keep key rings
/// (outside their databases, so a copy of a database alone does not open what it encrypts).
/// </summary>
public sealed record Infrastructure(
    IReadOnlyDictionary<string, IResourceBuilder<IResourceWithConnectionString>> Databases,
    IResourceBuilder<IResourceWithConnectionString> Messaging,
    IReadOnlyList<IResourceBuilder<IResource>> WaitFor,
    string KeysDirectory)
{
    public string KeyDirectory(string service) => Path.Combine(KeysDirectory, service);
}

public static class InfrastructureExtensions
{
    private static readonly string[] DatabaseNames =
        [ResourceNames.IdentityDb, ResourceNames.MembershipDb, ResourceNames.GridDb, ResourceNames.SafetyDb, ResourceNames.VolunteerDb,
         ResourceNames.ReportingDb, ResourceNames.CountyDb];

    /// <summary>
    /// <c>Infrastructure:Mode</c> = <c>local</c> | <c>containers</c> | <c>external</c>; by default containers when a
    /// container runtime answers, else local.
    /// </summary>
    public static Infrastructure AddInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var mode = builder.Configuration["Infrastructure:Mode"] ?? (ContainerRuntimeAnswers() ? "containers" : "local");
        return mode.ToLowerInvariant() switch
        {
            "local" => builder.AddLocalInfrastructure(),
            "containers" => builder.AddContainerInfrastructure(),
            "external" => builder.AddExternalInfrastructure(),
            _ => throw new MissingServerException($"Infrastructure:Mode '{mode}' is not one of local, containers, external."),
        };
    }

    /// <summary>References the service's database and the broker, and waits for whatever the mode starts.</summary>
    public static IResourceBuilder<ProjectResource> WithInfrastructure(
        this IResourceBuilder<ProjectResource> project, Infrastructure infrastructure, string database)
    {
        project.WithReference(infrastructure.Databases[database]).WithReference(infrastructure.Messaging);
        foreach (var dependency in infrastructure.WaitFor)
        {
            project.WaitFor(dependency);
        }

        return project;
    }

    private static Infrastructure AddLocalInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var state = StateDirectory.Resolve(builder.Configuration["Infrastructure:StateDirectory"]
            ?? Path.Combine(builder.AppHostDirectory, "..", ".state"));

        var postgres = new LocalPostgres(state);
        postgres.EnsureInitialised();
        var postgresServer = builder.AddServer(ResourceNames.Postgres, postgres.Server(), LocalPostgres.PortVariable);
        var postgresEndpoint = postgresServer.GetEndpoint("tcp");
        var logins = DatabaseNames.Select(postgres.Login).ToList();
        // Services wait for the server and so for this too: each connects as its own login, which must exist.
        postgresServer.OnResourceReady((_, _, cancellationToken) =>
            ServiceDatabases.EnsureAsync(postgres.ConnectionString(postgresEndpoint.Port), logins, cancellationToken));
        var postgresPort = postgresEndpoint.Property(EndpointProperty.Port);
        var databases = logins.ToDictionary(
            login => login.Database,
            login => builder.AddConnectionString(login.Database, ReferenceExpression.Create(
                $"Host=127.0.0.1;Port={postgresPort};Username={login.UserName};Password={login.Password};Database={login.Database}")));

        var rabbit = new LocalRabbitMq(state);
        rabbit.EnsureInitialised();
        var epmd = builder.AddServer("epmd", rabbit.PortMapper(), LocalRabbitMq.EpmdPortVariable);
        // The broker registers with this port mapper, so it must be listening first.
        var broker = builder.AddServer("rabbitmq", rabbit.Broker(), LocalRabbitMq.PortVariable)
            .WithEndpoint(scheme: "tcp", name: "dist", env: LocalRabbitMq.DistributionPortVariable, isProxied: false)
            .WithEnvironment(LocalRabbitMq.EpmdPortVariable, epmd.GetEndpoint("tcp").Property(EndpointProperty.Port))
            .WaitFor(epmd);
        var brokerPort = broker.GetEndpoint("tcp").Property(EndpointProperty.Port);
        var messaging = builder.AddConnectionString(ResourceNames.Messaging, ReferenceExpression.Create(
            $"amqp://{LocalRabbitMq.UserName}:{Uri.EscapeDataString(rabbit.Password)}@127.0.0.1:{brokerPort}/{LocalRabbitMq.VirtualHost}"));

        return new Infrastructure(
            databases.ToDictionary(kv => kv.Key, kv => (IResourceBuilder<IResourceWithConnectionString>)kv.Value),
            messaging,
            [postgresServer, broker],
            Path.Combine(state, "keys"));
    }

    private static Infrastructure AddContainerInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var postgres = builder.AddPostgres(ResourceNames.Postgres).WithDataVolume();
        var endpoint = postgres.Resource.PrimaryEndpoint;
        // Each service's own login, its password generated once and kept in the AppHost's user secrets.
        var passwords = DatabaseNames.ToDictionary(
            name => name,
            name => builder.AddParameter($"{name}-password", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true));
        // Through the superuser's connection, before any service starts (they wait for the server, and so for this).
        postgres.OnResourceReady(async (server, _, cancellationToken) =>
        {
            var logins = new List<ServiceLogin>();
            foreach (var (database, password) in passwords)
            {
                logins.Add(new ServiceLogin(database, await password.Resource.GetValueAsync(cancellationToken)
                    ?? throw new InvalidOperationException($"Parameter {password.Resource.Name} has no value.")));
            }

            var admin = await server.ConnectionStringExpression.GetValueAsync(cancellationToken)
                ?? throw new InvalidOperationException("The PostgreSQL container has no connection string yet.");
            await ServiceDatabases.EnsureAsync(admin, logins, cancellationToken);
        });
        var databases = passwords.ToDictionary(
            kv => kv.Key,
            kv => (IResourceBuilder<IResourceWithConnectionString>)builder.AddConnectionString(kv.Key, ReferenceExpression.Create(
                $"Host={endpoint.Property(EndpointProperty.Host)};Port={endpoint.Property(EndpointProperty.Port)};Username={kv.Key};Password={kv.Value.Resource};Database={kv.Key}")));
        var rabbit = builder.AddRabbitMQ(ResourceNames.Messaging).WithDataVolume().WithManagementPlugin();
        return new Infrastructure(databases, rabbit, [postgres, rabbit], builder.KeysDirectory());
    }

    private static Infrastructure AddExternalInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var databases = DatabaseNames.ToDictionary(
            name => name,
            name => (IResourceBuilder<IResourceWithConnectionString>)builder.AddConnectionString(name));
        return new Infrastructure(databases, builder.AddConnectionString(ResourceNames.Messaging), [], builder.KeysDirectory());
    }

    /// <summary><c>Infrastructure:KeysDirectory</c>, by default <c>.state/keys</c> next to the AppHost.</summary>
    private static string KeysDirectory(this IDistributedApplicationBuilder builder) =>
        builder.Configuration["Infrastructure:KeysDirectory"] ?? Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".state", "keys"));

    /// <summary>
    /// A local server process with its listening port chosen by Aspire and passed in <paramref name="portVariable"/>,
    /// healthy once the port accepts connections.
    /// </summary>
    private static IResourceBuilder<ExecutableResource> AddServer(
        this IDistributedApplicationBuilder builder, string name, ServerCommand command, string portVariable)
    {
        var server = builder.AddExecutable(name, command.FileName, "/", command.Arguments.ToArray())
            .WithEndpoint(scheme: "tcp", name: "tcp", env: portVariable, isProxied: false);
        foreach (var (key, value) in command.Environment)
        {
            server.WithEnvironment(key, value);
        }

        var endpoint = server.GetEndpoint("tcp");
        var healthCheck = $"{name}-accepts-connections";
        builder.Services.AddHealthChecks().AddAsyncCheck(healthCheck, async cancellationToken =>
        {
            if (!endpoint.IsAllocated)
            {
                return HealthCheckResult.Unhealthy("No port allocated yet.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", endpoint.Port, cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (SocketException ex)
            {
                return HealthCheckResult.Unhealthy($"Port {endpoint.Port} does not accept connections yet ({ex.SocketErrorCode}).");
            }
        });
        return server.WithHealthCheck(healthCheck);
    }

    private static bool ContainerRuntimeAnswers()
    {
        foreach (var runtime in new[] { "docker", "podman" })
        {
            try
            {
                using var process = Process.Start(new ProcessStartInfo(runtime, "info")
                {
                    UseShellExecute = false,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                });
                if (process is null)
                {
                    continue;
                }

                if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
                {
                    process.Kill(entireProcessTree: true);
                    continue;
                }

                if (process.ExitCode == 0)
                {
                    return true;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not installed.
            }
        }

        return false;
    }
}
