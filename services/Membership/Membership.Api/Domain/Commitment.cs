using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Membership.Domain;

/// <summary>A member's public commitment (党员公开承诺) for a year, made of items each fulfilled with evidence.</summary>
public sealed class Commitment
{
    public const int MaxItems = 20;

    private readonly List<CommitmentItem> _items = [];

    private Commitment()
    {
    }

    public Guid Id { get; private set; }

    public Guid MemberId { get; private set; }

    public int Year { get; private set; }

    public DateOnly MadeOn { get; private set; }

    public IReadOnlyList<CommitmentItem> Items => _items;

    public static Commitment Make(Member member, int? year, DateOnly? madeOn, IReadOnlyList<string?>? items, DateTimeOffset now)
    {
        var validation = new Validation();
        var today = CommunityTime.DateOf(now);
        validation.Require(year is not null && year >= 2000 && year <= today.Year + 1, "year", ValidationFailure.Range(2000, today.Year + 1));
        validation.RequireDateNotAfter(madeOn, "madeOn", today);
        validation.Require(items is { Count: > 0 and <= MaxItems }, "items", ValidationFailure.Count(1, MaxItems, $"must list between 1 and {MaxItems} items."));
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            validation.RequireText(items![i], $"items[{i}]", 500);
        }

        validation.ThrowIfInvalid();
        if (!member.IsActive)
        {
            throw new DomainRuleViolationException("member.inactive", "Only a current member can make a commitment.");
        }

        var commitment = new Commitment { Id = Guid.CreateVersion7(now), MemberId = member.Id, Year = year!.Value, MadeOn = madeOn!.Value };
        commitment._items.AddRange(items!.Select((content, i) => CommitmentItem.Create(commitment.Id, i + 1, content!.Trim())));
        return commitment;
    }

    public CommitmentItem Fulfil(int itemNumber, DateOnly? fulfilledOn, string? note, IReadOnlyList<string>? evidence, DateTimeOffset now)
    {
        var item = _items.SingleOrDefault(i => i.Number == itemNumber)
            ?? throw DomainValidationException.For("itemNumber", ValidationFailure.Of(ValidationCodes.OneOf, $"must be one of 1 to {_items.Count}."));
        item.Fulfil(fulfilledOn, note, evidence, MadeOn, now);
        return item;
    }
}

public sealed class CommitmentItem
{
    private CommitmentItem()
    {
    }

    public Guid CommitmentId { get; private set; }

    public int Number { get; private set; }

    public string Content { get; private set; } = "";

    public DateOnly? FulfilledOn { get; private set; }

    public string? FulfilmentNote { get; private set; }

    /// <summary>References to photos or documents in the file store.</summary>
    public string[] Evidence { get; private set; } = [];

    internal static CommitmentItem Create(Guid commitmentId, int number, string content) =>
        new() { CommitmentId = commitmentId, Number = number, Content = content };

    internal void Fulfil(DateOnly? on, string? note, IReadOnlyList<string>? evidence, DateOnly madeOn, DateTimeOffset now)
    {
        var validation = new Validation();
        validation.RequireDateNotAfter(on, "fulfilledOn", CommunityTime.DateOf(now));
        validation.Require(on is null || on >= madeOn, "fulfilledOn", ValidationFailure.NotBefore("the commitment was made", "may not be before the commitment was made."));
        validation.RequireText(note, "note", 1000);
        EvidenceReferences.Check(validation, evidence, "evidence", required: true);
        validation.ThrowIfInvalid();
        if (FulfilledOn is not null)
        {
            throw new DomainRuleViolationException("commitment.item-fulfilled", $"Item {Number} was already fulfilled on {FulfilledOn:yyyy-MM-dd}.");
        }

        FulfilledOn = on;
        FulfilmentNote = note!.Trim();
        Evidence = [.. evidence!.Select(e => e.Trim())];
    }
}

/// <summary>References to evidence (photo or document ids in the file store), checked the same way everywhere.</summary>
public static class EvidenceReferences
{
    public const int MaxReferences = 20;

    public static void Check(Validation validation, IReadOnlyList<string>? references, string field, bool required)
    {
        validation.Require(!required || references is { Count: > 0 }, field, ValidationFailure.MinCount("must list at least one photo or document reference."));
        validation.Require(references is null || references.Count <= MaxReferences, field, ValidationFailure.MaxCount(MaxReferences, $"must list at most {MaxReferences} references."));
        validation.Require(references is null || references.All(r => !string.IsNullOrWhiteSpace(r) && r.Trim().Length <= 300), field, ValidationFailure.ItemLength(300, "references must be non-blank and at most 300 characters each."));
    }
}
