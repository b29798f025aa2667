using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CommunityPlatform.LocalServers;

/// <summary>
/// The certificate that encrypts the services' Data Protection key rings on a developer's machine: created once in
/// the keys folder (readable by its owner only) with a generated password beside it. A deployment supplies its own
/// certificate through <c>DataProtection:CertificatePath</c> and a secret store instead.
/// </summary>
public static class KeyRingCertificate
{
    private static readonly Lock Creating = new();

    public static (string Path, string Password) GetOrCreate(string keysDirectory)
    {
        lock (Creating)
        {
            return GetOrCreateOnce(keysDirectory);
        }
    }

    private static (string Path, string Password) GetOrCreateOnce(string keysDirectory)
    {
        Directory.CreateDirectory(keysDirectory);
        OwnerOnly(keysDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var path = System.IO.Path.Combine(keysDirectory, "key-ring.pfx");
        var passwordPath = System.IO.Path.Combine(keysDirectory, "key-ring.password");
        if (File.Exists(path) && File.Exists(passwordPath))
        {
            return (path, File.ReadAllText(passwordPath).Trim());
        }

        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=CommunityPlatform key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(10));
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        File.WriteAllText(passwordPath, password);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        OwnerOnly(passwordPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        OwnerOnly(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return (path, password);
    }

    private static void OwnerOnly(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
        }
    }
}
