using System.Diagnostics;
using System.Globalization;
using CommunityPlatform.LocalServers;

namespace CommunityPlatform.TestSupport;

/// <summary>A server process a test run started itself, which it can stop, kill or freeze to inject faults.</summary>
public sealed class ServerProcess : IDisposable
{
    private readonly ServerCommand _command;
    private readonly string _stopSignal;
    private readonly string? _serverName;
    private Process? _process;

    /// <param name="stopSignal">
    /// The signal for a clean, prompt shutdown: TERM for most servers, INT for PostgreSQL, whose TERM waits for
    /// every client (the test process's connection pools) to disconnect.
    /// </param>
    /// <param name="serverName">
    /// The process name of the server itself when the command is a wrapper that runs it as a child (RabbitMQ's
    /// start script forks the Erlang VM, <c>beam.smp</c>, and waits). Kill and freeze go to that process, or they
    /// would hit the script and leave the broker running; the clean stop still goes to the wrapper, which relays it.
    /// </param>
    public ServerProcess(string name, ServerCommand command, string stopSignal = "TERM", string? serverName = null)
    {
        Name = name;
        _command = command;
        _stopSignal = stopSignal;
        _serverName = serverName;
    }

    public string Name { get; }

    public bool IsRunning => _process is { HasExited: false };

    public void Start()
    {
        _process = Process.Start(_command.ToStartInfo()) ?? throw new InvalidOperationException($"Could not start {Name}.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>A clean shutdown, waiting for the process to exit.</summary>
    public void Stop() => Signal(_stopSignal, _process is { HasExited: false } process ? process.Id : null, wait: true);

    /// <summary>A crash (SIGKILL) of the server itself: no chance to flush or say goodbye.</summary>
    public void Kill() => Signal("KILL", ServerPid(), wait: true);

    /// <summary>SIGSTOP: the server stays alive, holds its sockets open and answers nothing until <see cref="Thaw"/>.</summary>
    public void Freeze() => Signal("STOP", ServerPid(), wait: false);

    /// <summary>SIGCONT after <see cref="Freeze"/>.</summary>
    public void Thaw() => Signal("CONT", ServerPid(required: false), wait: false);

    /// <summary>Waits for the process to end by itself (after a crash injected from outside the test's signals).</summary>
    public bool WaitForExit(TimeSpan timeout) => _process is null || _process.WaitForExit(timeout);

    /// <summary>The process the server's work happens in: the one named <c>serverName</c> under the wrapper, or the process started.</summary>
    private int? ServerPid(bool required = true)
    {
        if (_process is not { HasExited: false } process)
        {
            return null;
        }

        return _serverName is null ? process.Id : FindDescendant(process.Id, _serverName) is { } server ? server
            : required ? throw new InvalidOperationException($"{Name}: no '{_serverName}' process runs under {process.Id}; the server has not started or already exited.")
            : null;
    }

    private void Signal(string signal, int? pid, bool wait)
    {
        if (pid is null || _process is not { } process)
        {
            return;
        }

        using (var kill = Process.Start("kill", $"-{signal} {pid.Value.ToString(CultureInfo.InvariantCulture)}"))
        {
            kill.WaitForExit();
        }

        if (wait && !process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    /// <summary>Breadth-first through /proc for a process named <paramref name="name"/> below <paramref name="root"/>.</summary>
    private static int? FindDescendant(int root, string name)
    {
        var processes = Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? ReadStat(pid) : null)
            .OfType<(int Pid, int Parent, string Name)>()
            .ToList();
        var frontier = new Queue<int>([root]);
        while (frontier.TryDequeue(out var parent))
        {
            foreach (var child in processes.Where(p => p.Parent == parent))
            {
                if (child.Name == name)
                {
                    return child.Pid;
                }

                frontier.Enqueue(child.Pid);
            }
        }

        return null;
    }

    private static (int Pid, int Parent, string Name)? ReadStat(int pid)
    {
        try
        {
            // "pid (name) state ppid …": the name may hold spaces or parentheses, so split at the last ')'.
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            var open = stat.IndexOf('(', StringComparison.Ordinal);
            var close = stat.LastIndexOf(')');
            var rest = stat[(close + 2)..].Split(' ');
            return (pid, int.Parse(rest[1], CultureInfo.InvariantCulture), stat[(open + 1)..close]);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        // A test that failed mid-freeze must not leave a stopped server behind.
        Thaw();
        Stop();
        _process?.Dispose();
    }
}
