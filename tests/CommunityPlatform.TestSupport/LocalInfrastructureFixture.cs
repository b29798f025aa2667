using CommunityPlatform.LocalServers;
using Npgsql;
using RabbitMQ.Client;
using Xunit;

namespace CommunityPlatform.TestSupport;

/// <summary>
/// A real PostgreSQL server and a real RabbitMQ broker for one test assembly, started from the machine's own
/// packages in a scratch folder on free ports, exactly as the AppHost's local mode runs them. Tests may stop,
/// kill and restart the broker to inject faults.
/// </summary>
public sealed class LocalInfrastructureFixture : IAsyncLifetime
{
    private readonly string _state = Path.Combine(Path.GetTempPath(), "cp-tests-" + Guid.NewGuid().ToString("N")[..8]);
    private LocalRabbitMq _rabbit = null!;
    private ServerProcess _epmd = null!;

    /// <summary>The PostgreSQL server every service database of the run lives on; fault tests may crash it.</summary>
    public PostgresServer Postgres { get; private set; } = null!;

    public int PostgresPort => Postgres.Port;

    public int BrokerPort { get; } = Ports.Free();

    public ServerProcess Broker { get; private set; } = null!;

    public string MessagingConnectionString => _rabbit.ConnectionString(BrokerPort);

    /// <summary>The superuser's connection to <paramref name="database"/>, for a test's own queries.</summary>
    public string DatabaseConnectionString(string database) => Postgres.ConnectionString(database);

    /// <summary>The connection the service owning <paramref name="database"/> uses: its own restricted login.</summary>
    public string ServiceConnectionString(string database) => Postgres.ServiceConnectionString(database);

    /// <summary>A folder for one service's Data Protection key ring, encrypted with a certificate made for the run, as the AppHost sets it.</summary>
    public IReadOnlyDictionary<string, string> KeyRingSettings(string service)
    {
        var keys = Path.Combine(_state, "keys");
        var (certificatePath, password) = KeyRingCertificate.GetOrCreate(keys);
        return new Dictionary<string, string>
        {
            ["DataProtection:KeyDirectory"] = Path.Combine(keys, service),
            ["DataProtection:CertificatePath"] = certificatePath,
            ["DataProtection:CertificatePassword"] = password,
        };
    }

    public async Task InitializeAsync()
    {
        var state = StateDirectory.Resolve(_state);
        Postgres = new PostgresServer(state);
        var postgresStarted = Postgres.StartAsync();

        _rabbit = new LocalRabbitMq(state);
        _rabbit.EnsureInitialised();
        var epmdPort = Ports.Free();
        _epmd = new ServerProcess("epmd", _rabbit.PortMapper(epmdPort));
        _epmd.Start();
        await Ports.WaitUntilAcceptingAsync(epmdPort, TimeSpan.FromSeconds(10), "epmd");
        Broker = new ServerProcess("rabbitmq", _rabbit.Broker(BrokerPort, Ports.Free(), epmdPort), serverName: "beam.smp");

        await Task.WhenAll(postgresStarted, StartBrokerAsync());
    }

    /// <summary>Starts the broker (again) and waits until it accepts AMQP connections.</summary>
    public async Task StartBrokerAsync()
    {
        Broker.Start();
        await Ports.WaitUntilAcceptingAsync(BrokerPort, TimeSpan.FromSeconds(120), "RabbitMQ");
        // The listener can accept before the broker takes logins for the suite's virtual host; seen once as a
        // "broker unreachable" at a service's start on a loaded machine.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                await using var connection = await ConnectToBrokerAsync();
                return;
            }
            catch (RabbitMQ.Client.Exceptions.BrokerUnreachableException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(500);
            }
        }
    }

    public async Task<IConnection> ConnectToBrokerAsync() =>
        await new ConnectionFactory { Uri = new Uri(MessagingConnectionString) }.CreateConnectionAsync();

    /// <summary>How many messages wait in <paramref name="queue"/> (0 if it does not exist).</summary>
    public async Task<uint> QueueDepthAsync(string queue)
    {
        await using var connection = await ConnectToBrokerAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0;
        }
    }

    public async Task<T> ScalarAsync<T>(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(DatabaseConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public Task DisposeAsync()
    {
        Broker.Dispose();
        _epmd.Dispose();
        Postgres.Dispose();
        try
        {
            Directory.Delete(_state, recursive: true);
        }
        catch (IOException)
        {
            // A server still flushing; the scratch folder is in /tmp.
        }

        return Task.CompletedTask;
    }
}
