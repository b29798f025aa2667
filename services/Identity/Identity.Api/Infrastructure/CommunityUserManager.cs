using CommunityPlatform.Identity.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CommunityPlatform.Identity.Infrastructure;

/// <summary>
/// ASP.NET Core Identity's user manager, plus: the failed sign-in that locks an account also revokes its tokens,
/// on every channel (sign-in page and token endpoint both count failures here). Repeated failures may mean someone
/// is guessing the password; the sessions already open end with it rather than resume when the lockout runs out.
/// </summary>
public sealed class CommunityUserManager(
    IUserStore<CommunityUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<CommunityUser> passwordHasher,
    IEnumerable<IUserValidator<CommunityUser>> userValidators,
    IEnumerable<IPasswordValidator<CommunityUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<CommunityUser>> logger,
    TokenRevocation revocation)
    : UserManager<CommunityUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<IdentityResult> AccessFailedAsync(CommunityUser user)
    {
        var result = await base.AccessFailedAsync(user);
        if (result.Succeeded && await IsLockedOutAsync(user))
        {
            await revocation.RevokeAllAsync(user, CancellationToken);
        }

        return result;
    }
}
