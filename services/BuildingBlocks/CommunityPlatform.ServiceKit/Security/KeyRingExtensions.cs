using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CommunityPlatform.ServiceKit.Security;

public static class KeyRingExtensions
{
    /// <summary>
    /// The service's Data Protection key ring, which seals its personal data: kept in <c>DataProtection:KeyDirectory</c>
    /// (outside the database, so a copy of the database alone opens nothing) and itself encrypted on disk with the
    /// certificate at <c>DataProtection:CertificatePath</c>. Outside Development a key directory without a
    /// certificate is refused at start-up rather than writing the keys in the clear.
    /// </summary>
    public static IDataProtectionBuilder AddServiceKeyRing(this IHostApplicationBuilder builder, string applicationName)
    {
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName(applicationName);
        var settings = builder.Configuration.GetSection("DataProtection");
        if (settings["KeyDirectory"] is not { Length: > 0 } keyDirectory)
        {
            return dataProtection;
        }

        dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keyDirectory));
        if (settings["CertificatePath"] is { Length: > 0 } certificatePath)
        {
            dataProtection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(certificatePath, settings["CertificatePassword"]));
        }
        else if (!builder.Environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                "DataProtection:CertificatePath is not configured: the key ring that seals personal data would be written to disk unencrypted.");
        }

        return dataProtection;
    }
}
