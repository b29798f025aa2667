using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Membership.Domain;

/// <summary>
/// A service post (设岗定责) such as 红网格示范小区 or 党员服务队, which members without an office claim (认领) and
/// report on.
/// </summary>
public sealed class ServicePost
{
    private ServicePost()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public string Duties { get; private set; } = "";

    public string? OrganisationCode { get; private set; }

    /// <summary>How many members may hold the post at once; null means no limit.</summary>
    public int? Capacity { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static ServicePost Define(string? name, string? duties, Organisation? organisation, int? capacity, DateTimeOffset now)
    {
        var validation = new Validation();
        validation.RequireText(name, "name", 100);
        validation.RequireText(duties, "duties", 1000);
        validation.RequireRange(capacity, "capacity", 1, 500, "must be between 1 and 500 when given.");
        validation.ThrowIfInvalid();
        return new ServicePost
        {
            Id = Guid.CreateVersion7(now),
            Name = name!.Trim(),
            Duties = duties!.Trim(),
            OrganisationCode = organisation?.Code,
            Capacity = capacity,
            CreatedAt = now,
        };
    }

    /// <summary>
    /// A member claims the post. <paramref name="holdsOffice"/> says whether they sit on a committee: the posts are
    /// for members without an office. <paramref name="currentHolders"/> are the claims not yet released.
    /// </summary>
    public ServicePostClaim Claim(Member member, bool holdsOffice, IReadOnlyCollection<ServicePostClaim> currentHolders, DateOnly? claimedOn, DateTimeOffset now)
    {
        var validation = new Validation();
        validation.RequireDateNotAfter(claimedOn, "claimedOn", CommunityTime.DateOf(now));
        validation.ThrowIfInvalid();
        if (!member.IsActive)
        {
            throw new DomainRuleViolationException("member.inactive", "Only a current member can claim a service post.");
        }

        if (holdsOffice)
        {
            throw new DomainRuleViolationException("service-post.office-holder", "Service posts are claimed by members without an office; this member holds a committee post.");
        }

        if (currentHolders.Any(c => c.MemberId == member.Id))
        {
            throw new DomainRuleViolationException("service-post.already-claimed", "The member already holds this post.");
        }

        if (Capacity is { } capacity && currentHolders.Count >= capacity)
        {
            throw new DomainRuleViolationException(
                "service-post.full", $"The post is full ({capacity} members).", new Dictionary<string, object?> { ["capacity"] = capacity });
        }

        return new ServicePostClaim { Id = Guid.CreateVersion7(now), PostId = Id, MemberId = member.Id, ClaimedOn = claimedOn!.Value };
    }
}

public sealed class ServicePostClaim
{
    public Guid Id { get; init; }

    public Guid PostId { get; init; }

    public Guid MemberId { get; init; }

    public DateOnly ClaimedOn { get; init; }

    public DateOnly? ReleasedOn { get; private set; }

    public void Release(DateOnly? on)
    {
        var validation = new Validation();
        validation.RequireGiven(on, "releasedOn", "is required (yyyy-MM-dd).");
        validation.Require(on is null || on >= ClaimedOn, "releasedOn", ValidationFailure.NotBefore("the claim", $"may not be before the claim ({ClaimedOn:yyyy-MM-dd})."));
        validation.ThrowIfInvalid();
        if (ReleasedOn is not null)
        {
            throw new DomainRuleViolationException("service-post.released", $"The claim was already released on {ReleasedOn:yyyy-MM-dd}.");
        }

        ReleasedOn = on;
    }
}

/// <summary>A member's report on the work done in a claimed post (履职报告).</summary>
public sealed class ServicePostReport
{
    private ServicePostReport()
    {
    }

    public Guid Id { get; private set; }

    public Guid PostId { get; private set; }

    public Guid MemberId { get; private set; }

    public DateOnly ReportedOn { get; private set; }

    public string Content { get; private set; } = "";

    public string[] Evidence { get; private set; } = [];

    public static ServicePostReport File(ServicePostClaim? claim, DateOnly? reportedOn, string? content, IReadOnlyList<string>? evidence, DateTimeOffset now)
    {
        var validation = new Validation();
        validation.RequireDateNotAfter(reportedOn, "reportedOn", CommunityTime.DateOf(now));
        validation.RequireText(content, "content", 4000);
        EvidenceReferences.Check(validation, evidence, "evidence", required: false);
        validation.ThrowIfInvalid();
        if (claim is null)
        {
            throw new DomainRuleViolationException("service-post.not-claimed", "Only a member holding the post can report on it; claim it first.");
        }

        if (reportedOn < claim.ClaimedOn)
        {
            throw DomainValidationException.For("reportedOn", ValidationFailure.NotBefore("the claim", $"may not be before the claim ({claim.ClaimedOn:yyyy-MM-dd})."));
        }

        return new ServicePostReport
        {
            Id = Guid.CreateVersion7(now),
            PostId = claim.PostId,
            MemberId = claim.MemberId,
            ReportedOn = reportedOn!.Value,
            Content = content!.Trim(),
            Evidence = [.. (evidence ?? []).Select(e => e.Trim())],
        };
    }
}
