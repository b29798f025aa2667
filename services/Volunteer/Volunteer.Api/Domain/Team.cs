using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Volunteer.Domain;

/// <summary>
/// A volunteer team (志愿服务队), e.g. the 平安义警 patrol team, with its leaders and members and, where a partner unit
/// (共建单位) sponsors it, that unit as the grid service knows it. Membership keeps its history: leaving ends a row.
/// </summary>
public sealed class Team
{
    public const int NameMaxLength = 50;

    private readonly List<TeamMembership> _members = [];

    private Team()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>The kind of activity the team usually runs, if it has one.</summary>
    public ActivityKind? Focus { get; private set; }

    public string? Description { get; private set; }

    /// <summary>The sponsoring partner unit's id in the grid service; a reference, not a copy of the unit.</summary>
    public Guid? PartnerUnitId { get; private set; }

    /// <summary>The partner unit's name when the team was formed, so lists need not ask the grid service.</summary>
    public string? PartnerUnitName { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<TeamMembership> Members => _members;

    public IEnumerable<TeamMembership> CurrentMembers => _members.Where(m => m.LeftAt is null);

    public static Team Form(
        string? name, string? focus, string? description, Guid? partnerUnitId, string? partnerUnitName, string actor, DateTimeOffset now)
    {
        var validation = new Validation();
        validation.RequireText(name, "name", NameMaxLength);
        var parsedFocus = focus is null ? null : validation.RequireOneOf(focus, "focus", ActivityKinds.All);
        validation.RequireMaxLength(description?.Trim(), "description", 500);
        validation.Require(partnerUnitId is null == string.IsNullOrWhiteSpace(partnerUnitName), "partnerUnitName",
            ValidationFailure.Of(ValidationCodes.Conflicting, "is given together with partnerUnitId (the partner unit as the grid service lists it), or neither is."));
        validation.RequireMaxLength(partnerUnitName?.Trim(), "partnerUnitName", 100);
        validation.ThrowIfInvalid();

        return new Team
        {
            Id = Guid.CreateVersion7(now),
            Name = name!.Trim(),
            Focus = parsedFocus,
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
            PartnerUnitId = partnerUnitId,
            PartnerUnitName = partnerUnitId is null ? null : partnerUnitName!.Trim(),
            CreatedBy = actor,
            CreatedAt = now,
        };
    }

    public TeamMembership Join(VolunteerProfile volunteer, TeamRole role, DateTimeOffset now)
    {
        if (!volunteer.Active)
        {
            throw new DomainRuleViolationException("team.volunteer-inactive", "The volunteer has left the community and cannot join a team.");
        }

        if (CurrentMembers.Any(m => m.VolunteerId == volunteer.Id))
        {
            throw new DomainRuleViolationException("team.already-member", "The volunteer is already a member of this team.");
        }

        var membership = new TeamMembership(Guid.CreateVersion7(now), Id, volunteer.Id, role, now);
        _members.Add(membership);
        return membership;
    }

    /// <summary>A member leaves; the last leader may not leave while others remain, so a team is never without one.</summary>
    public void Leave(Guid volunteerId, DateTimeOffset now)
    {
        var membership = CurrentMembers.SingleOrDefault(m => m.VolunteerId == volunteerId)
            ?? throw new DomainRuleViolationException("team.not-member", "The volunteer is not a member of this team.");
        var otherLeaders = CurrentMembers.Count(m => m.Role == TeamRole.Leader && m.VolunteerId != volunteerId);
        if (membership.Role == TeamRole.Leader && otherLeaders == 0 && CurrentMembers.Count() > 1)
        {
            throw new DomainRuleViolationException("team.last-leader", "The team's only leader cannot leave while it has members; appoint another leader first.");
        }

        membership.End(now);
    }
}

public sealed class TeamMembership
{
    private TeamMembership()
    {
    }

    internal TeamMembership(Guid id, Guid teamId, Guid volunteerId, TeamRole role, DateTimeOffset joinedAt)
    {
        Id = id;
        TeamId = teamId;
        VolunteerId = volunteerId;
        Role = role;
        JoinedAt = joinedAt;
    }

    public Guid Id { get; private set; }

    public Guid TeamId { get; private set; }

    public Guid VolunteerId { get; private set; }

    public TeamRole Role { get; private set; }

    public DateTimeOffset JoinedAt { get; private set; }

    public DateTimeOffset? LeftAt { get; private set; }

    internal void End(DateTimeOffset now) => LeftAt = now;
}

public enum TeamRole
{
    Member,

    /// <summary>队长 or 副队长.</summary>
    Leader,
}

public static class TeamRoles
{
    public static readonly IReadOnlyDictionary<TeamRole, string> All = new Dictionary<TeamRole, string>
    {
        [TeamRole.Member] = "队员",
        [TeamRole.Leader] = "队长",
    };
}
