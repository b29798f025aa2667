using System.Diagnostics;

namespace CommunityPlatform.LocalServers;

/// <summary>How to start one server process: what the AppHost turns into an executable resource and tests start directly.</summary>
public sealed record ServerCommand(string FileName, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>The command as a process to start, its output captured, from a directory every account can enter.</summary>
    public ProcessStartInfo ToStartInfo()
    {
        var start = new ProcessStartInfo(FileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
        };
        foreach (var argument in Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in Environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }
}

/// <summary>A server binary this machine lacks; the message names the package to install.</summary>
public sealed class MissingServerException(string message) : Exception(message);
