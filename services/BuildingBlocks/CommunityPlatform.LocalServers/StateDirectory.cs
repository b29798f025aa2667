using System.Security.Cryptography;
using System.Text;

namespace CommunityPlatform.LocalServers;

/// <summary>Where local servers keep their data between runs.</summary>
public static class StateDirectory
{
    /// <summary>
    /// The requested folder, or — when running as root under a folder the servers' accounts cannot enter
    /// (e.g. a checkout in /root) — a folder under /var/lib named after it, so the data still survives restarts.
    /// </summary>
    public static string Resolve(string requested)
    {
        var full = Path.GetFullPath(requested);
        if (!SystemAccount.IsRoot || AncestorsTraversable(full))
        {
            Directory.CreateDirectory(full);
            return full;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(full)))[..12];
        var fallback = Path.Combine("/var/lib/communityplatform", hash);
        Directory.CreateDirectory(fallback);
        return fallback;
    }

    private static bool AncestorsTraversable(string path)
    {
        for (var directory = new DirectoryInfo(path).Parent; directory is not null; directory = directory.Parent)
        {
            if (directory.Exists && !OperatingSystem.IsWindows() && !directory.UnixFileMode.HasFlag(UnixFileMode.OtherExecute))
            {
                return false;
            }
        }

        return true;
    }
}
