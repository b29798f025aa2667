using System.Globalization;

namespace CommunityPlatform.LocalServers;

/// <summary>
/// A PostgreSQL server from the machine's own packages, with its cluster in <c>{state}/postgres</c>. It listens
/// on 127.0.0.1 only, with no Unix socket, and password authentication for the <c>postgres</c> superuser, who
/// provisions each service's own login (<see cref="ServiceDatabases"/>); the services never connect as it.
/// </summary>
public sealed class LocalPostgres
{
    public const string Account = "postgres";
    public const string UserName = "postgres";

    /// <summary>The variable the server reads its port from; the AppHost sets it from the endpoint it allocates.</summary>
    public const string PortVariable = "PGPORT";

    private readonly string _binDirectory;
    private readonly string _stateDirectory;

    public LocalPostgres(string stateDirectory)
    {
        _binDirectory = FindBinDirectory();
        _stateDirectory = stateDirectory;
        DataDirectory = Path.Combine(stateDirectory, "postgres", "data");
        Password = Secrets.GetOrCreate(stateDirectory, "postgres-password");
    }

    public string DataDirectory { get; }

    public string Password { get; }

    /// <summary>Creates the cluster on first use; later runs keep its data.</summary>
    public void EnsureInitialised()
    {
        if (File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            return;
        }

        var root = Path.GetDirectoryName(DataDirectory)!;
        Directory.CreateDirectory(DataDirectory);
        var passwordFile = Path.Combine(root, "initdb-password");
        File.WriteAllText(passwordFile, Password);
        SystemAccount.Own(Account, root);
        try
        {
            SystemAccount.Execute(Path.Combine(_binDirectory, "initdb"),
                ["-D", DataDirectory, "-U", UserName, "--pwfile", passwordFile, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"],
                Account);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    public ServerCommand Server(int? port = null)
    {
        var environment = new Dictionary<string, string>();
        if (port is { } p)
        {
            environment[PortVariable] = p.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return SystemAccount.Run(Account, Path.Combine(_binDirectory, "postgres"),
            ["-D", DataDirectory, "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=300"],
            environment);
    }

    /// <summary>The superuser's connection, for provisioning and for tests that inspect a database.</summary>
    public string ConnectionString(int port, string? database = null) =>
        $"Host=127.0.0.1;Port={port};Username={UserName};Password={Password}" + (database is null ? "" : $";Database={database}");

    /// <summary>The login of the service whose database is <paramref name="database"/>, its password generated on first use.</summary>
    public ServiceLogin Login(string database) => new(database, Secrets.GetOrCreate(_stateDirectory, $"postgres-{database}-password"));

    /// <summary>The connection a service uses: its own login, to its own database.</summary>
    public static string ConnectionString(int port, ServiceLogin login) =>
        $"Host=127.0.0.1;Port={port};Username={login.UserName};Password={login.Password};Database={login.Database}";

    private static string FindBinDirectory()
    {
        var root = "/usr/lib/postgresql";
        var candidate = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "postgres")) && File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), CultureInfo.InvariantCulture, out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return candidate ?? throw new MissingServerException(
            "PostgreSQL server binaries were not found under /usr/lib/postgresql: install the Debian package 'postgresql' (sudo apt-get install postgresql).");
    }
}
