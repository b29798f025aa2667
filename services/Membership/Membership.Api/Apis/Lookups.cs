using CommunityPlatform.Membership.Domain;
using CommunityPlatform.Membership.Infrastructure;
using CommunityPlatform.ServiceKit.Domain;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.Membership.Apis;

/// <summary>
/// Loads the records a request body refers to. A reference in the body to a record that does not exist is a 400
/// naming the field (the path's own id, when unknown, is a 404 in the endpoint).
/// </summary>
internal static class Lookups
{
    public static async Task<Organisation> RequireOrganisationAsync(this MembershipDbContext db, string? code, string field, CancellationToken cancellationToken)
    {
        var organisation = string.IsNullOrWhiteSpace(code) ? null : await db.Organisations.SingleOrDefaultAsync(o => o.Code == code.Trim(), cancellationToken);
        return organisation ?? throw DomainValidationException.For(field, string.IsNullOrWhiteSpace(code)
            ? ValidationFailure.Required("is required and may not be blank.")
            : ValidationFailure.NotFound($"names no organisation ('{code}'); create the organisation first."));
    }

    public static async Task<Member> RequireMemberAsync(this MembershipDbContext db, Guid? id, string field, CancellationToken cancellationToken)
    {
        var member = id is { } memberId ? await db.Members.SingleOrDefaultAsync(m => m.Id == memberId, cancellationToken) : null;
        return member ?? throw DomainValidationException.For(field, id is null ? ValidationFailure.Required() : ValidationFailure.NotFound($"names no member ({id})."));
    }

    /// <summary>The members named by <paramref name="ids"/>, in that order; every one must exist.</summary>
    public static async Task<IReadOnlyList<Member>> RequireMembersAsync(this MembershipDbContext db, IReadOnlyList<Guid>? ids, string field, CancellationToken cancellationToken)
    {
        if (ids is null || ids.Count == 0)
        {
            return [];
        }

        if (ids.Distinct().Count() != ids.Count)
        {
            throw DomainValidationException.For(field, ValidationFailure.Of(ValidationCodes.Duplicate, "names the same member twice."));
        }

        var found = await db.Members.Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        var missing = ids.Where(id => !found.ContainsKey(id)).ToList();
        return missing.Count > 0
            ? throw DomainValidationException.For(field, ValidationFailure.NotFound($"names no member ({string.Join(", ", missing)})."))
            : ids.Select(id => found[id]).ToList();
    }

}
