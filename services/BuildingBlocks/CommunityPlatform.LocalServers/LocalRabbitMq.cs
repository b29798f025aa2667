using System.Globalization;

namespace CommunityPlatform.LocalServers;

/// <summary>
/// A RabbitMQ broker from the machine's own packages, with its node data in <c>{state}/rabbitmq</c>, one virtual
/// host for the suite, and every listener (AMQP, Erlang distribution, epmd) bound to 127.0.0.1. Erlang's port
/// mapper runs as its own foreground process on its own port, so stopping the suite stops it too instead of
/// leaving the daemon Erlang would otherwise spawn.
/// </summary>
public sealed class LocalRabbitMq
{
    public const string Account = "rabbitmq";
    public const string UserName = "community";
    public const string VirtualHost = "community";

    public const string PortVariable = "RABBITMQ_NODE_PORT";
    public const string DistributionPortVariable = "RABBITMQ_DIST_PORT";
    public const string EpmdPortVariable = "ERL_EPMD_PORT";

    private const string Server = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private const string Epmd = "/usr/bin/epmd";

    private readonly string _root;

    public LocalRabbitMq(string stateDirectory)
    {
        if (!File.Exists(Server) || !File.Exists(Epmd))
        {
            throw new MissingServerException(
                "RabbitMQ was not found (/usr/lib/rabbitmq/bin/rabbitmq-server): install the Debian package 'rabbitmq-server' (sudo apt-get install rabbitmq-server).");
        }

        _root = Path.Combine(stateDirectory, "rabbitmq");
        Password = Secrets.GetOrCreate(stateDirectory, "rabbitmq-password");
    }

    public string Password { get; }

    public void EnsureInitialised()
    {
        Directory.CreateDirectory(Path.Combine(_root, "mnesia"));
        Directory.CreateDirectory(Path.Combine(_root, "log"));
        var plugins = Path.Combine(_root, "enabled_plugins");
        if (!File.Exists(plugins))
        {
            File.WriteAllText(plugins, "[].\n");
        }

        SystemAccount.Own(Account, _root);
    }

    /// <summary>Erlang's port mapper, in the foreground.</summary>
    public ServerCommand PortMapper(int? port = null) =>
        SystemAccount.Run(Account, Epmd, ["-address", "127.0.0.1"], Ports((EpmdPortVariable, port)));

    /// <summary>The broker itself. The user, password and virtual host are created on its first boot.</summary>
    public ServerCommand Broker(int? port = null, int? distributionPort = null, int? epmdPort = null)
    {
        var environment = Ports((PortVariable, port), (DistributionPortVariable, distributionPort), (EpmdPortVariable, epmdPort));
        environment["HOME"] = _root;
        environment["RABBITMQ_NODENAME"] = "community@localhost";
        environment["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
        environment["ERL_EPMD_ADDRESS"] = "127.0.0.1";
        environment["RABBITMQ_MNESIA_BASE"] = Path.Combine(_root, "mnesia");
        environment["RABBITMQ_LOG_BASE"] = Path.Combine(_root, "log");
        environment["RABBITMQ_LOGS"] = "-";
        environment["RABBITMQ_CONFIG_FILE"] = Path.Combine(_root, "rabbitmq");
        environment["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(_root, "enabled_plugins");
        environment["RABBITMQ_DEFAULT_USER"] = UserName;
        environment["RABBITMQ_DEFAULT_PASS"] = Password;
        environment["RABBITMQ_DEFAULT_VHOST"] = VirtualHost;
        environment["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}";
        return SystemAccount.Run(Account, Server, [], environment);
    }

    public string ConnectionString(int port) =>
        $"amqp://{UserName}:{Uri.EscapeDataString(Password)}@127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/{VirtualHost}";

    private static Dictionary<string, string> Ports(params (string Variable, int? Port)[] ports) =>
        ports.Where(p => p.Port is not null)
            .ToDictionary(p => p.Variable, p => p.Port!.Value.ToString(CultureInfo.InvariantCulture));
}
