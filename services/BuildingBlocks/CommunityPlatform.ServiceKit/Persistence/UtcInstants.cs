using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CommunityPlatform.ServiceKit.Persistence;

public static class UtcInstants
{
    /// <summary>
    /// Every instant is stored in UTC. Npgsql writes <c>timestamptz</c> only from a UTC <see cref="DateTimeOffset"/>
    /// and refuses any other offset, and clients in China send <c>+08:00</c>; converting here, once, means no
    /// request field or event field can turn into a 500 because of the offset it was written in.
    /// </summary>
    public static ModelConfigurationBuilder StoreInstantsInUtc(this ModelConfigurationBuilder configuration)
    {
        configuration.Properties<DateTimeOffset>().HaveConversion<ToUtc>();
        configuration.Properties<DateTimeOffset?>().HaveConversion<ToUtc>();
        return configuration;
    }

    private sealed class ToUtc() : ValueConverter<DateTimeOffset, DateTimeOffset>(value => value.ToUniversalTime(), value => value);
}
