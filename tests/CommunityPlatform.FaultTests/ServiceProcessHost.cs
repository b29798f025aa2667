using System.Diagnostics;
using System.Globalization;

namespace CommunityPlatform.FaultTests;

/// <summary>
/// One of the suite's services as its own OS process (<c>dotnet Service.Api.dll</c> from the service's build
/// output), so that a SIGKILL or a fail point's FailFast ends a real process with its sockets and pools, exactly
/// as in production. It listens on a free port on 127.0.0.1 and keeps the tail of its output for diagnosis.
/// </summary>
public sealed class ServiceProcessHost : IDisposable
{
    private const int OutputLines = 200;

    private readonly string _dll;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly Queue<string> _output = new();
    private Process? _process;

    public ServiceProcessHost(string name, string project, IReadOnlyDictionary<string, string> environment)
    {
        Name = name;
        _dll = BuildOutput.Of(project);
        _environment = environment;
    }

    public string Name { get; }

    public int Port { get; } = Ports.Free();

    public Uri Address => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}");

    public bool IsRunning => _process is { HasExited: false };

    public int? ExitCode => _process is { HasExited: true } p ? p.ExitCode : null;

    /// <summary>Started with settings beyond its base ones (an armed fail point).</summary>
    public bool HasExtraSettings { get; private set; }

    /// <summary>Starts the process with its base settings plus <paramref name="extra"/> (e.g. an armed fail point).</summary>
    public void Start(IReadOnlyDictionary<string, string>? extra = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(_dll)!,
        };
        start.ArgumentList.Add(_dll);
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("OTEL_", StringComparison.Ordinal) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_URLS"] = Address.ToString();
        foreach (var (key, value) in _environment.Concat(extra ?? new Dictionary<string, string>()))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        lock (_output)
        {
            _output.Clear();
        }

        HasExtraSettings = extra is { Count: > 0 };
        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Name}.");
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Waits until <paramref name="path"/> answers 200: <c>/health</c> is ready (database and broker), <c>/alive</c> only up.</summary>
    public async Task WaitUntilReadyAsync(string path = "/health", TimeSpan? timeout = null)
    {
        using var probe = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(2));
        while (true)
        {
            if (_process is { HasExited: true } exited)
            {
                throw new InvalidOperationException($"{Name} exited ({exited.ExitCode}) while starting:\n{Output()}");
            }

            try
            {
                using var response = await probe.GetAsync(path);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Net.Sockets.SocketException)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{Name} was not ready on {path} in time:\n{Output()}");
            }

            await Task.Delay(250);
        }
    }

    public async Task StartAndWaitAsync(IReadOnlyDictionary<string, string>? extra = null, string path = "/health")
    {
        Start(extra);
        await WaitUntilReadyAsync(path);
    }

    /// <summary>SIGKILL: the process ends at once, whatever it was doing.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: false);
            process.WaitForExit();
        }
    }

    /// <summary>Waits for the process to end by itself (a fail point's FailFast).</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        if (_process is null)
        {
            return true;
        }

        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The last lines the process wrote.</summary>
    public string Output()
    {
        lock (_output)
        {
            return string.Join('\n', _output);
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > OutputLines)
            {
                _output.Dequeue();
            }
        }
    }

    public void Dispose()
    {
        Kill();
        _process?.Dispose();
    }
}

/// <summary>Where a service project's own build output is, in the configuration this test assembly was built in.</summary>
internal static class BuildOutput
{
    public static string Of(string project)
    {
        // The test runs from tests/<project>/bin/<configuration>/<framework>/.
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent!;
        var root = framework;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CommunityPlatform.sln")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new InvalidOperationException($"CommunityPlatform.sln was not found above {AppContext.BaseDirectory}.");
        }

        // Assemblies are named CommunityPlatform.<Project> (e.g. CommunityPlatform.Membership.Api.dll).
        var dll = Path.Combine(root.FullName, project, "bin", configuration.Name, framework.Name, "CommunityPlatform." + Path.GetFileName(project) + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"{dll} is missing: build the fault tests project, which builds the services it runs.", dll);
    }
}
