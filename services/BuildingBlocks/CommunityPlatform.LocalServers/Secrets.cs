using System.Security.Cryptography;

namespace CommunityPlatform.LocalServers;

/// <summary>Passwords generated on first run and kept in the state folder (readable by its owner only).</summary>
internal static class Secrets
{
    public static string GetOrCreate(string stateDirectory, string name)
    {
        var directory = Path.Combine(stateDirectory, "secrets");
        Directory.CreateDirectory(directory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var path = Path.Combine(directory, name);
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        File.WriteAllText(path, secret);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return secret;
    }
}
