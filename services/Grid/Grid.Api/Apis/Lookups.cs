using CommunityPlatform.Grid.Domain;
using CommunityPlatform.Grid.Infrastructure;
using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.ServiceKit.Security;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.Grid.Apis;

/// <summary>Records a request body refers to; an unknown or out-of-scope reference is a 400 naming the field.</summary>
internal static class Lookups
{
    public static async Task<string> RequireGridAsync(this GridDbContext db, string? gridCode, GridScope scope, CancellationToken cancellationToken)
    {
        var code = gridCode?.Trim();
        var exists = !string.IsNullOrEmpty(code) && scope.Covers(code) && await db.Grids.AnyAsync(g => g.Code == code, cancellationToken);
        return exists
            ? code!
            : throw DomainValidationException.For("gridCode", string.IsNullOrEmpty(code) ? ValidationFailure.Required("is required and may not be blank.") : ValidationFailure.NotFound($"names no grid of yours ('{code}')."));
    }

    public static async Task<Resident> RequireResidentAsync(this GridDbContext db, Guid? residentId, CancellationToken cancellationToken)
    {
        var resident = residentId is { } id ? await db.Residents.SingleOrDefaultAsync(r => r.Id == id, cancellationToken) : null;
        return resident ?? throw DomainValidationException.For("residentId", residentId is null ? ValidationFailure.Required() : ValidationFailure.NotFound($"names no resident ({residentId})."));
    }
}
