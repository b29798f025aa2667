using System.Collections.Concurrent;
using CommunityPlatform.LocalServers;
using Npgsql;

namespace CommunityPlatform.TestSupport;

/// <summary>
/// One PostgreSQL server of a test run, in its own state folder on its own port, which a fault test can crash
/// the way an operator's <c>pg_ctl stop -m immediate</c> does (no checkpoint; crash recovery on the next start).
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private readonly LocalPostgres _postgres;
    private readonly ServerProcess _process;
    private readonly ConcurrentDictionary<string, Lazy<string>> _services = new();
    private readonly Lock _provisioning = new();

    public PostgresServer(string stateDirectory)
    {
        _postgres = new LocalPostgres(StateDirectory.Resolve(stateDirectory));
        _postgres.EnsureInitialised();
        var server = _postgres.Server(Port);
        // The postgres binary, wherever the command names it (directly, or after setpriv when running as root).
        PostgresBinary = server.FileName.EndsWith("/postgres", StringComparison.Ordinal) ? server.FileName : server.Arguments.First(a => a.EndsWith("/postgres", StringComparison.Ordinal));
        _process = new ServerProcess("postgres", server, stopSignal: "INT");
    }

    public int Port { get; } = Ports.Free();

    public string PostgresBinary { get; }

    public bool IsRunning => _process.IsRunning;

    /// <summary>The superuser's connection, for a test's own queries.</summary>
    public string ConnectionString(string database) => _postgres.ConnectionString(Port, database);

    /// <summary>
    /// The connection a service under test uses: its own restricted login to its own database, provisioned on
    /// first use exactly as the AppHost provisions them, so every functional test runs under the same privileges.
    /// </summary>
    public string ServiceConnectionString(string database) =>
        _services.GetOrAdd(database, name => new Lazy<string>(() => Provision(name))).Value;

    private string Provision(string database)
    {
        var login = _postgres.Login(database);
        // A WebApplicationFactory configures its host synchronously; run off the test's synchronisation context.
        // One at a time: the server's catalogs are shared by every database's provisioning.
        lock (_provisioning)
        {
            Task.Run(() => ServiceDatabases.EnsureAsync(ConnectionString("postgres"), [login])).GetAwaiter().GetResult();
        }

        return LocalPostgres.ConnectionString(Port, login);
    }

    public async Task StartAsync()
    {
        _process.Start();
        await Ports.WaitUntilAcceptingAsync(Port, TimeSpan.FromSeconds(60), "PostgreSQL");
        // After a crash the port accepts while the server still replays its log and refuses sessions (57P03): a
        // test's own reconciliation query must not be the one that meets it.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                await using var probe = new NpgsqlConnection(ConnectionString("postgres"));
                await probe.OpenAsync();
                break;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.CannotConnectNow && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }

        // The test process's own pooled connections died with the previous server; start its queries afresh.
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>
    /// <c>pg_ctl stop -m immediate</c>, run as the server's account: the postmaster and every backend quit at once,
    /// without a shutdown checkpoint, as in a crash.
    /// </summary>
    public void StopImmediately()
    {
        SystemAccount.Execute(Path.Combine(Path.GetDirectoryName(PostgresBinary)!, "pg_ctl"),
            ["-D", _postgres.DataDirectory, "stop", "-m", "immediate", "-w"], LocalPostgres.Account);
        if (!_process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException("PostgreSQL did not exit after pg_ctl stop -m immediate.");
        }
    }

    public void Dispose() => _process.Dispose();
}
