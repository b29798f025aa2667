using System.Diagnostics;
using CommunityPlatform.LocalServers;

namespace CommunityPlatform.TestSupport;

/// <summary>A server process a test run started itself, which it can stop, kill or freeze to inject faults.</summary>
public sealed class ServerProcess : IDisposable
{
    private readonly ServerCommand _command;
    private readonly string _stopSignal;
    private Process? _process;

    /// <param name="stopSignal">
    /// The signal for a clean, prompt shutdown: TERM for most servers, INT for PostgreSQL, whose TERM waits for
    /// every client (the test process's connection pools) to disconnect.
    /// </param>
    public ServerProcess(string name, ServerCommand command, string stopSignal = "TERM")
    {
        Name = name;
        _command = command;
        _stopSignal = stopSignal;
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
    public void Stop() => Signal(_stopSignal);

    /// <summary>A crash (SIGKILL): no chance to flush or say goodbye.</summary>
    public void Kill() => Signal("KILL");

    private void Signal(string signal)
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }

        using (var kill = Process.Start("kill", $"-{signal} {process.Id}"))
        {
            kill.WaitForExit();
        }

        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Stop();
        _process?.Dispose();
    }
}
