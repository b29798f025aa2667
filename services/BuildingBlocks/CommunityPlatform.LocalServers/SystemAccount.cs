using System.Diagnostics;

namespace CommunityPlatform.LocalServers;

/// <summary>
/// PostgreSQL refuses to run as root and RabbitMQ should not, so when the suite runs as root each server runs as
/// its own system account. <c>setpriv</c> execs the server in place (unlike <c>runuser</c>), so the stop signal
/// reaches the server itself and nothing outlives the AppHost.
/// </summary>
public static class SystemAccount
{
    private const string SetPriv = "/usr/bin/setpriv";

    public static bool IsRoot => Environment.UserName == "root" || geteuid() == 0;

    public static ServerCommand Run(string account, string fileName, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        if (!IsRoot)
        {
            return new ServerCommand(fileName, arguments, environment);
        }

        if (!File.Exists(SetPriv))
        {
            throw new MissingServerException("setpriv is missing: install the Debian package 'util-linux'.");
        }

        return new ServerCommand(
            SetPriv,
            [$"--reuid={account}", $"--regid={account}", "--init-groups", "--", fileName, .. arguments],
            environment);
    }

    /// <summary>Makes <paramref name="directory"/> (and everything in it) the account's, when running as root.</summary>
    public static void Own(string account, string directory)
    {
        if (IsRoot)
        {
            Execute("chown", ["-R", $"{account}:{account}", directory]);
        }
    }

    /// <summary>Runs a set-up command to completion (as the account when root) and fails with its output if it fails.</summary>
    public static void Execute(string fileName, IReadOnlyList<string> arguments, string? account = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var command = account is null
            ? new ServerCommand(fileName, arguments, environment ?? new Dictionary<string, string>())
            : Run(account, fileName, arguments, environment ?? new Dictionary<string, string>());
        using var process = Process.Start(command.ToStartInfo()) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(fileName)} failed ({process.ExitCode}): {error.Result}{output.Result}");
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern uint geteuid();
}
