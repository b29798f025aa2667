using System.Security.Claims;
using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.Volunteer.Domain;
using CommunityPlatform.Volunteer.Extensions;
using CommunityPlatform.Volunteer.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.Volunteer.Apis;

/// <summary>Records a request refers to, and who a request acts for; an unknown reference is a 400 naming the field.</summary>
internal static class Lookups
{
    /// <summary>
    /// The volunteer a sign-up, check-in or observation is for: an organiser names one (<paramref name="volunteerId"/>);
    /// a member or resident always acts as themselves, whatever the body says.
    /// </summary>
    public static async Task<VolunteerProfile> ActingVolunteerAsync(
        this VolunteerDbContext db, ClaimsPrincipal caller, Guid? volunteerId, CancellationToken cancellationToken)
    {
        if (!VolunteerPolicies.IsOrganiser(caller))
        {
            return await db.OwnProfileAsync(caller, cancellationToken);
        }

        var named = volunteerId is { } id ? await db.Volunteers.SingleOrDefaultAsync(v => v.Id == id, cancellationToken) : null;
        return named ?? throw DomainValidationException.For(
            "volunteerId", volunteerId is null ? ValidationFailure.Required("is required when an organiser acts for a volunteer.") : ValidationFailure.NotFound($"names no volunteer ({volunteerId})."));
    }

    /// <summary>The team with its present members (those who have not left), or null.</summary>
    public static Task<Team?> WithMembersAsync(this IQueryable<Team> teams, Guid id, CancellationToken cancellationToken) =>
        teams.Include(t => t.Members.Where(m => m.LeftAt == null)).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);

    /// <summary>The caller's own profile, found by the subject of their token.</summary>
    public static async Task<VolunteerProfile> OwnProfileAsync(this VolunteerDbContext db, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var account = caller.Id();
        return await db.Volunteers.SingleOrDefaultAsync(v => v.AccountId == account, cancellationToken)
            ?? throw new DomainRuleViolationException(
                "volunteer.account-not-linked", "Your account is not linked to a volunteer profile; ask your team leader to link it.");
    }

    public static async Task<VolunteerProfile> RequireVolunteerAsync(this VolunteerDbContext db, Guid? volunteerId, CancellationToken cancellationToken)
    {
        var volunteer = volunteerId is { } id ? await db.Volunteers.SingleOrDefaultAsync(v => v.Id == id, cancellationToken) : null;
        return volunteer ?? throw DomainValidationException.For("volunteerId", volunteerId is null ? ValidationFailure.Required() : ValidationFailure.NotFound($"names no volunteer ({volunteerId})."));
    }

    /// <summary>The other activities the volunteer holds a place or waits for, for the overlap rule.</summary>
    public static async Task<IReadOnlyCollection<Commitment>> CommitmentsAsync(
        this VolunteerDbContext db, Guid volunteerId, Guid exceptActivityId, CancellationToken cancellationToken) =>
        await db.Signups
            .Where(s => s.VolunteerId == volunteerId && s.ActivityId != exceptActivityId
                && (s.Status == SignupStatus.Confirmed || s.Status == SignupStatus.Waitlisted))
            .Join(db.Activities.Where(a => a.Status == ActivityStatus.Published), s => s.ActivityId, a => a.Id, (_, a) => new Commitment(a.Id, a.StartsAt, a.EndsAt))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The activities the caller may see: everything for organisers, their grids' for grid workers, and for members
    /// and residents their grids' activities once published (drafts are the organisers' business).
    /// </summary>
    public static IQueryable<Activity> Visible(this IQueryable<Activity> activities, ClaimsPrincipal caller)
    {
        var scoped = GridScope.Of(caller).Filter(activities, a => a.GridCode);
        return VolunteerPolicies.IsOrganiser(caller) || caller.IsInRole(CommunityRoles.GridWorker)
            ? scoped
            : scoped.Where(a => a.Status != ActivityStatus.Draft);
    }

    /// <summary>An optional date range, both ends included; without dates the whole history.</summary>
    public static (DateOnly From, DateOnly To) Range(DateOnly? from, DateOnly? to)
    {
        new Validation().Require(from is null || to is null || from <= to, "to", ValidationFailure.NotBefore("from")).ThrowIfInvalid();
        return (from ?? DateOnly.MinValue, to ?? DateOnly.MaxValue);
    }
}
