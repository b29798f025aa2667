using CommunityPlatform.Identity.Domain;
using OpenIddict.Abstractions;

namespace CommunityPlatform.Identity.Infrastructure;

/// <summary>
/// Ends what a person was granted before: their authorizations and every token stored for them (refresh tokens,
/// codes), so no session renews itself past a lockout or a change of access. Access tokens already issued are
/// self-contained JWTs the services check on their own; they run out within the access-token lifetime.
/// </summary>
public sealed class TokenRevocation(IOpenIddictAuthorizationManager authorizations, IOpenIddictTokenManager tokens)
{
    public async Task RevokeAllAsync(CommunityUser user, CancellationToken cancellationToken = default)
    {
        var subject = user.Id.ToString();
        await authorizations.RevokeBySubjectAsync(subject, cancellationToken);
        await tokens.RevokeBySubjectAsync(subject, cancellationToken);
    }
}
