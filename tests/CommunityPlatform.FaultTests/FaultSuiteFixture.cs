using System.Net.Http.Headers;
using System.Net.Http.Json;
using CommunityPlatform.Contracts.Membership;
using CommunityPlatform.Messaging;
using CommunityPlatform.ServiceDefaults;
using CommunityPlatform.ServiceKit.Security;
using Npgsql;

namespace CommunityPlatform.FaultTests;

/// <summary>
/// The system under fault, shared by every scenario: the broker and the producer's PostgreSQL from
/// <see cref="LocalInfrastructureFixture"/>, a second PostgreSQL server for the consumer (so each side's database
/// can be crashed alone), a TCP fault proxy between the producer and the broker, and membership (producer),
/// volunteer (consumer) and the gateway as separate processes.
/// </summary>
public sealed class FaultSuiteFixture : IAsyncLifetime
{
    public const string Branch = "GZYL-DZB";
    public const string MembershipDatabase = "membership_faults";
    public const string VolunteerDatabase = "volunteer_faults";

    private readonly string _consumerState = Path.Combine(Path.GetTempPath(), "cp-faults-" + Guid.NewGuid().ToString("N")[..8]);
    private TestIdentityKeys _identity = null!;

    public LocalInfrastructureFixture Infrastructure { get; } = new();

    /// <summary>The producer's database server (membership).</summary>
    public PostgresServer ProducerPostgres => Infrastructure.Postgres;

    /// <summary>The consumer's own database server (volunteer).</summary>
    public PostgresServer ConsumerPostgres { get; private set; } = null!;

    /// <summary>Between membership and the broker.</summary>
    public TcpFaultProxy BrokerProxy { get; private set; } = null!;

    public ServiceProcessHost Membership { get; private set; } = null!;

    public ServiceProcessHost Volunteer { get; private set; } = null!;

    public ServiceProcessHost Gateway { get; private set; } = null!;

    /// <summary>The queue the volunteer service consumes MemberRegistered from.</summary>
    public static string VolunteerQueue => EventSubscriptions.QueueName(BusNames.Volunteer, typeof(MemberRegistered));

    public async Task InitializeAsync()
    {
        ConsumerPostgres = new PostgresServer(_consumerState);
        await Task.WhenAll(Infrastructure.InitializeAsync(), ConsumerPostgres.StartAsync());
        BrokerProxy = new TcpFaultProxy(Infrastructure.BrokerPort);
        _identity = new TestIdentityKeys();
        await _identity.StartAsync();

        var common = new Dictionary<string, string>
        {
            ["Authentication:Issuer"] = TestTokens.Issuer,
            [$"services:{ResourceNames.IdentityApi}:http:0"] = _identity.Address.ToString(),
            // Short retry delays keep the scenarios short; the commit signal does the work on the happy path.
            ["Messaging:Outbox:MaxRetryDelay"] = "00:00:01",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var proxied = new UriBuilder(Infrastructure.MessagingConnectionString) { Port = BrokerProxy.Port }.Uri.ToString();
        Membership = new ServiceProcessHost("membership", "services/Membership/Membership.Api", new Dictionary<string, string>(common)
        {
            [$"ConnectionStrings:{ResourceNames.MembershipDb}"] = Infrastructure.ServiceConnectionString(MembershipDatabase),
            [$"ConnectionStrings:{ResourceNames.Messaging}"] = proxied,
        });
        Volunteer = new ServiceProcessHost("volunteer", "services/Volunteer/Volunteer.Api", new Dictionary<string, string>(common)
        {
            [$"ConnectionStrings:{ResourceNames.VolunteerDb}"] = ConsumerPostgres.ServiceConnectionString(VolunteerDatabase),
            [$"ConnectionStrings:{ResourceNames.Messaging}"] = Infrastructure.MessagingConnectionString,
        });
        Gateway = new ServiceProcessHost("gateway", "services/Gateway/Gateway.Api", new Dictionary<string, string>
        {
            [$"services:{ResourceNames.MembershipApi}:http:0"] = Membership.Address.ToString(),
            // The load is one caller from one address; the limits are not what this suite tests.
            ["Gateway:RequestsPerCaller"] = "1000000",
            ["Gateway:RequestsPerAddress"] = "1000000",
            ["Logging:LogLevel:Default"] = "Warning",
        });

        await Task.WhenAll(Membership.StartAndWaitAsync(), Volunteer.StartAndWaitAsync(), Gateway.StartAndWaitAsync(path: "/alive"));

        using var client = ClientFor(Membership.Address, TestTokens.For(CommunityRoles.Secretary));
        var response = await client.PostAsJsonAsync("/api/membership/organisations", new { code = Branch, name = "故障演练党支部", kind = "Branch" });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// Brings back anything an earlier scenario left down (it failed half-way), so each scenario starts from a
    /// healthy system and its figures are its own.
    /// </summary>
    public async Task<List<string>> EnsureRunningAsync()
    {
        var repaired = new List<string>();
        Infrastructure.Broker.Thaw();
        BrokerProxy.Blocked = false;
        BrokerProxy.Latency = TimeSpan.Zero;
        if (!Infrastructure.Broker.IsRunning)
        {
            repaired.Add("broker was down");
            await Infrastructure.StartBrokerAsync();
        }

        foreach (var server in new[] { ProducerPostgres, ConsumerPostgres }.Where(s => !s.IsRunning))
        {
            repaired.Add("a PostgreSQL server was down");
            await server.StartAsync();
        }

        foreach (var service in new[] { Membership, Volunteer })
        {
            if (service.HasExtraSettings)
            {
                repaired.Add($"{service.Name} still had a fail point armed");
                service.Kill();
            }

            if (!service.IsRunning)
            {
                repaired.Add($"{service.Name} was down (exit {service.ExitCode}):\n{service.Output()}");
                service.Start();
            }

            await service.WaitUntilReadyAsync();
        }

        if (!Gateway.IsRunning)
        {
            repaired.Add("gateway was down");
            await Gateway.StartAndWaitAsync(path: "/alive");
        }

        return repaired;
    }

    public static HttpClient ClientFor(Uri address, string token)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Outbox rows membership has not published yet.</summary>
    public Task<long> UnsentOutboxAsync() =>
        Infrastructure.ScalarAsync<long>(MembershipDatabase, "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL");

    /// <summary>Members whose name starts with <paramref name="prefix"/>, as membership stored them.</summary>
    public async Task<long> MembersNamedAsync(string prefix)
    {
        await using var connection = new NpgsqlConnection(Infrastructure.DatabaseConnectionString(MembershipDatabase));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM members WHERE starts_with(name, @prefix)", connection);
        command.Parameters.AddWithValue("prefix", prefix);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Volunteer profiles per member, for the given members and for any member created since <paramref name="since"/>.</summary>
    public async Task<Dictionary<Guid, int>> ProfilesAsync(IReadOnlyCollection<Guid> members, DateTimeOffset since)
    {
        await using var connection = new NpgsqlConnection(ConsumerPostgres.ConnectionString(VolunteerDatabase));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT member_id, count(*) FROM volunteers WHERE member_id = ANY(@members) OR (member_id IS NOT NULL AND created_at >= @since) GROUP BY member_id",
            connection);
        command.Parameters.AddWithValue("members", members.ToArray());
        command.Parameters.AddWithValue("since", since);
        var profiles = new Dictionary<Guid, int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            profiles[reader.GetGuid(0)] = (int)reader.GetInt64(1);
        }

        return profiles;
    }

    /// <summary>
    /// Messages in the error and skipped queues of every endpoint membership and volunteer listen on: each one is
    /// a message no consumer applied.
    /// </summary>
    public async Task<Dictionary<string, uint>> DeadLettersAsync()
    {
        var queues = EventSubscriptions.Catalogue
            .SelectMany(kv => kv.Value.Where(s => s is BusNames.Membership or BusNames.Volunteer).Select(s => EventSubscriptions.QueueName(s, kv.Key)))
            .SelectMany(q => new[] { q + "_error", q + "_skipped" });
        var found = new Dictionary<string, uint>();
        foreach (var queue in queues)
        {
            if (await Infrastructure.QueueDepthAsync(queue) is > 0 and var depth)
            {
                found[queue] = depth;
            }
        }

        return found;
    }

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        Membership?.Dispose();
        Volunteer?.Dispose();
        if (BrokerProxy is not null)
        {
            await BrokerProxy.DisposeAsync();
        }

        if (_identity is not null)
        {
            await _identity.DisposeAsync();
        }

        ConsumerPostgres?.Dispose();
        await Infrastructure.DisposeAsync();
        try
        {
            Directory.Delete(_consumerState, recursive: true);
        }
        catch (IOException)
        {
            // A server still flushing; the scratch folder is in /tmp.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class FaultSuiteCollection : ICollectionFixture<FaultSuiteFixture>
{
    public const string Name = "fault suite";
}
