using System.Linq.Expressions;
using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Membership.Domain;

/// <summary>A seat on an organisation's committee (支委/总支委员) held by a member for a period.</summary>
public sealed class CommitteePost
{
    private CommitteePost()
    {
    }

    public Guid Id { get; private set; }

    public string OrganisationCode { get; private set; } = "";

    public Guid MemberId { get; private set; }

    public CommitteePostKind Post { get; private set; }

    public DateOnly StartOn { get; private set; }

    public DateOnly? EndOn { get; private set; }

    /// <summary>The posts held on <paramref name="day"/> (started by then and not ended before it): a committee as it stood that day.</summary>
    public static Expression<Func<CommitteePost, bool>> HeldOn(DateOnly day) => p => p.StartOn <= day && (p.EndOn == null || p.EndOn >= day);

    /// <summary>The same rule as <see cref="HeldOn"/>, for one post in memory.</summary>
    public bool IsHeldOn(DateOnly day) => HeldOn(day).Compile()(this);

    /// <summary>
    /// Appoints <paramref name="member"/> to <paramref name="post"/>; <paramref name="current"/> are the posts of the
    /// organisation still held on the start date. One member holds one seat, and there is one secretary.
    /// </summary>
    public static CommitteePost Appoint(
        Organisation organisation, Member member, string? post, DateOnly? startOn, IReadOnlyCollection<CommitteePost> current, DateTimeOffset now)
    {
        var validation = new Validation();
        var kind = validation.RequireOneOf(post, "post", CommitteePostLabels.All);
        validation.RequireGiven(startOn, "startOn", "is required (yyyy-MM-dd).");
        validation.ThrowIfInvalid();

        if (!member.IsActive)
        {
            throw new DomainRuleViolationException("committee.member-inactive", "Only a current member of the organisation can hold a committee post.");
        }

        if (current.Any(p => p.MemberId == member.Id))
        {
            throw new DomainRuleViolationException("committee.one-post-per-member", "The member already holds a post on this committee; end it first.");
        }

        if (current.Any(p => p.Post == kind))
        {
            throw new DomainRuleViolationException(
                "committee.post-taken", $"The post of {CommitteePostLabels.All[kind!.Value]} is held; end the current holder's post first.");
        }

        return new CommitteePost
        {
            Id = Guid.CreateVersion7(now),
            OrganisationCode = organisation.Code,
            MemberId = member.Id,
            Post = kind!.Value,
            StartOn = startOn!.Value,
        };
    }

    public void End(DateOnly? endOn)
    {
        new Validation().RequireGiven(endOn, "endOn", "is required (yyyy-MM-dd).").ThrowIfInvalid();
        if (EndOn is not null)
        {
            throw new DomainRuleViolationException("committee.post-ended", $"The post already ended on {EndOn:yyyy-MM-dd}.");
        }

        if (endOn < StartOn)
        {
            throw DomainValidationException.For("endOn", ValidationFailure.NotBefore("the start of the post", $"may not be before the start of the post ({StartOn:yyyy-MM-dd})."));
        }

        EndOn = endOn;
    }
}

public enum CommitteePostKind
{
    /// <summary>书记</summary>
    Secretary,

    /// <summary>副书记</summary>
    DeputySecretary,

    /// <summary>组织委员</summary>
    OrganisationCommissioner,

    /// <summary>宣传委员</summary>
    PropagandaCommissioner,

    /// <summary>纪检委员</summary>
    DisciplineCommissioner,
}

public static class CommitteePostLabels
{
    public static readonly IReadOnlyDictionary<CommitteePostKind, string> All = new Dictionary<CommitteePostKind, string>
    {
        [CommitteePostKind.Secretary] = "书记",
        [CommitteePostKind.DeputySecretary] = "副书记",
        [CommitteePostKind.OrganisationCommissioner] = "组织委员",
        [CommitteePostKind.PropagandaCommissioner] = "宣传委员",
        [CommitteePostKind.DisciplineCommissioner] = "纪检委员",
    };
}
