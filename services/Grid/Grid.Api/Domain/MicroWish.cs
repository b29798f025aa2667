using CommunityPlatform.Contracts.Grid;
using CommunityPlatform.Messaging.Outbox;
using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Grid.Domain;

/// <summary>
/// A resident's micro-wish (微心愿): posted, claimed (认领) by a party member or a partner unit, fulfilled with
/// evidence. Claiming and fulfilling are announced so membership can credit the member.
/// </summary>
public sealed class MicroWish : AggregateRoot
{
    private MicroWish()
    {
    }

    public Guid Id { get; private set; }

    public string GridCode { get; private set; } = "";

    public string Category { get; private set; } = "";

    public string Title { get; private set; } = "";

    public string Description { get; private set; } = "";

    /// <summary>Who made the wish; personal data.</summary>
    public string PosterName { get; private set; } = "";

    public Guid? PosterResidentId { get; private set; }

    public MicroWishStatus Status { get; private set; }

    public DateTimeOffset PostedAt { get; private set; }

    public Guid? ClaimantMemberId { get; private set; }

    public Guid? ClaimantPartnerUnitId { get; private set; }

    public string? ClaimantName { get; private set; }

    public DateTimeOffset? ClaimedAt { get; private set; }

    public DateTimeOffset? FulfilledAt { get; private set; }

    public string? FulfilmentNote { get; private set; }

    public string[] Evidence { get; private set; } = [];

    /// <summary>Wishes posted on one of <paramref name="days"/>.</summary>
    public static IQueryable<MicroWish> PostedWithin(IQueryable<MicroWish> wishes, DayRange days) => wishes.Where(days.Covers<MicroWish>(w => w.PostedAt));

    /// <summary>Wishes claimed (认领) on one of <paramref name="days"/>, fulfilled since or not.</summary>
    public static IQueryable<MicroWish> ClaimedWithin(IQueryable<MicroWish> wishes, DayRange days) => wishes.Where(days.Covers<MicroWish>(w => w.ClaimedAt));

    /// <summary>Wishes fulfilled on one of <paramref name="days"/>.</summary>
    public static IQueryable<MicroWish> FulfilledWithin(IQueryable<MicroWish> wishes, DayRange days) => wishes.Where(days.Covers<MicroWish>(w => w.FulfilledAt));

    public static MicroWish Post(string gridCode, string? category, string? title, string? description, string? posterName, Guid? posterResidentId, DateTimeOffset now)
    {
        var validation = new Validation();
        var parsed = validation.RequireOneOf(category, "category", NeedCategories.All);
        validation.RequireText(title, "title", 100);
        validation.RequireText(description, "description", 1000);
        validation.RequireText(posterName, "posterName", 50);
        validation.ThrowIfInvalid();
        return new MicroWish
        {
            Id = Guid.CreateVersion7(now), GridCode = gridCode, Category = parsed!.Value.ToString(), Title = title!.Trim(),
            Description = description!.Trim(), PosterName = posterName!.Trim(), PosterResidentId = posterResidentId,
            Status = MicroWishStatus.Open, PostedAt = now,
        };
    }

    /// <summary>认领: exactly one of a member or a partner unit takes the wish on.</summary>
    public void Claim(Guid? memberId, PartnerUnit? partner, string? claimantName, DateTimeOffset now)
    {
        var validation = new Validation();
        validation.Require((memberId is null) != (partner is null), "memberId", ValidationFailure.Of(ValidationCodes.Conflicting, "name either a member (memberId) or a partner unit (partnerUnitId), not both."));
        validation.Require(partner is not null || !string.IsNullOrWhiteSpace(claimantName), "claimantName", ValidationFailure.Required("is required when a member claims."));
        validation.RequireMaxLength(claimantName?.Trim(), "claimantName", 100);
        validation.ThrowIfInvalid();
        if (Status != MicroWishStatus.Open)
        {
            throw new DomainRuleViolationException("micro-wish.not-open", $"The wish is {Status}; only an open wish can be claimed.");
        }

        Status = MicroWishStatus.Claimed;
        ClaimantMemberId = memberId;
        ClaimantPartnerUnitId = partner?.Id;
        ClaimantName = partner?.Name ?? claimantName!.Trim();
        ClaimedAt = now;
        Raise(new MicroWishClaimed
        {
            EventId = Guid.CreateVersion7(now), OccurredAt = now, MicroWishId = Id, GridCode = GridCode, Category = Category,
            MemberId = memberId, PartnerUnitId = partner?.Id, ClaimedAt = now,
        });
    }

    /// <summary>心愿达成, with the evidence (photo references) the resident can be shown.</summary>
    public void Fulfil(string? note, IReadOnlyList<string>? evidence, DateTimeOffset now)
    {
        var validation = new Validation();
        validation.RequireText(note, "note", 1000);
        validation.Require(evidence is { Count: > 0 and <= 20 }, "evidence", ValidationFailure.Count(1, 20, "must list between 1 and 20 photo or document references."));
        validation.Require(evidence is null || evidence.All(e => !string.IsNullOrWhiteSpace(e) && e.Length <= 300), "evidence", ValidationFailure.ItemLength(300, "references must be non-blank and at most 300 characters each."));
        validation.ThrowIfInvalid();
        if (Status != MicroWishStatus.Claimed)
        {
            throw new DomainRuleViolationException("micro-wish.not-claimed", $"The wish is {Status}; it is fulfilled after it has been claimed.");
        }

        Status = MicroWishStatus.Fulfilled;
        FulfilledAt = now;
        FulfilmentNote = note!.Trim();
        Evidence = [.. evidence!.Select(e => e.Trim())];
        Raise(new MicroWishFulfilled
        {
            EventId = Guid.CreateVersion7(now), OccurredAt = now, MicroWishId = Id, GridCode = GridCode,
            MemberId = ClaimantMemberId, PartnerUnitId = ClaimantPartnerUnitId, FulfilledAt = now,
        });
    }
}

public enum MicroWishStatus
{
    /// <summary>待认领</summary>
    Open,

    /// <summary>已认领</summary>
    Claimed,

    /// <summary>已实现</summary>
    Fulfilled,
}

/// <summary>Something the community needs (社区需求清单), posted by the office.</summary>
public sealed class CommunityNeed
{
    private CommunityNeed()
    {
    }

    public Guid Id { get; private set; }

    public string? GridCode { get; private set; }

    public string Category { get; private set; } = "";

    public string Title { get; private set; } = "";

    public string Description { get; private set; } = "";

    public DateTimeOffset PostedAt { get; private set; }

    public static CommunityNeed Post(string? gridCode, string? category, string? title, string? description, DateTimeOffset now)
    {
        var validation = new Validation();
        var parsed = validation.RequireOneOf(category, "category", NeedCategories.All);
        validation.RequireText(title, "title", 100);
        validation.RequireText(description, "description", 1000);
        validation.ThrowIfInvalid();
        return new CommunityNeed { Id = Guid.CreateVersion7(now), GridCode = gridCode, Category = parsed!.Value.ToString(), Title = title!.Trim(), Description = description!.Trim(), PostedAt = now };
    }
}

/// <summary>What a party member offers to do (党员服务清单), by category of need.</summary>
public sealed class MemberOffer
{
    private MemberOffer()
    {
    }

    public Guid Id { get; private set; }

    public Guid MemberId { get; private set; }

    public string MemberName { get; private set; } = "";

    public string? GridCode { get; private set; }

    public string Category { get; private set; } = "";

    public string Description { get; private set; } = "";

    public static MemberOffer Make(Guid? memberId, string? memberName, string? gridCode, string? category, string? description, DateTimeOffset now)
    {
        var validation = new Validation();
        validation.RequireGiven(memberId, "memberId");
        validation.RequireText(memberName, "memberName", 50);
        var parsed = validation.RequireOneOf(category, "category", NeedCategories.All);
        validation.RequireText(description, "description", 500);
        validation.ThrowIfInvalid();
        return new MemberOffer
        {
            Id = Guid.CreateVersion7(now), MemberId = memberId!.Value, MemberName = memberName!.Trim(), GridCode = gridCode,
            Category = parsed!.Value.ToString(), Description = description!.Trim(),
        };
    }
}

public static class MicroWishStatuses
{
    public static readonly IReadOnlyDictionary<MicroWishStatus, string> All = new Dictionary<MicroWishStatus, string>
    {
        [MicroWishStatus.Open] = "待认领",
        [MicroWishStatus.Claimed] = "已认领",
        [MicroWishStatus.Fulfilled] = "已实现",
    };
}
