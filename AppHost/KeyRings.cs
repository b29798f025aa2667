using CommunityPlatform.LocalServers;

namespace CommunityPlatform.AppHost;

/// <summary>Where the services' Data Protection key rings live and the certificate that encrypts them on disk.</summary>
public sealed record KeyRing(Infrastructure Infrastructure, string CertificatePath, IResourceBuilder<ParameterResource> CertificatePassword);

public static class KeyRingExtensions
{
    public static KeyRing AddKeyRing(this IDistributedApplicationBuilder builder, Infrastructure infrastructure)
    {
        var (certificatePath, password) = KeyRingCertificate.GetOrCreate(infrastructure.KeysDirectory);
        return new KeyRing(infrastructure, certificatePath, builder.AddParameter("key-ring-certificate-password", password, secret: true));
    }

    /// <summary>The service's key ring (which seals its personal data) in its own folder, encrypted with the key-ring certificate.</summary>
    public static IResourceBuilder<ProjectResource> WithKeyRing(this IResourceBuilder<ProjectResource> project, KeyRing keyRing, string service) => project
        .WithEnvironment("DataProtection__KeyDirectory", keyRing.Infrastructure.KeyDirectory(service))
        .WithEnvironment("DataProtection__CertificatePath", keyRing.CertificatePath)
        .WithEnvironment("DataProtection__CertificatePassword", keyRing.CertificatePassword);
}
