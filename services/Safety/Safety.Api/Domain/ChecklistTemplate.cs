using System.Text.RegularExpressions;
using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Safety.Domain;

/// <summary>
/// One version of a checklist (检查表): the items an inspector answers at a venue. A version never changes once
/// created; editing a checklist creates the next version, and every inspection keeps the version it used.
/// </summary>
public sealed partial class ChecklistTemplate
{
    public const int MaxItems = 60;

    private ChecklistTemplate()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Stable code across versions, e.g. small-restaurant.</summary>
    public string Code { get; private set; } = "";

    public int Version { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>The venue kinds it is meant for (codes of <see cref="VenueKind"/>); empty for a campaign checklist used anywhere.</summary>
    public List<string> VenueKinds { get; private set; } = [];

    public List<ChecklistItem> Items { get; private set; } = [];

    /// <summary>True for the checklists the suite ships with; the office's own versions are false.</summary>
    public bool Shipped { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public bool AppliesTo(VenueKind kind) => VenueKinds.Count == 0 || VenueKinds.Contains(kind.ToString());

    public static ChecklistTemplate Create(string? code, ChecklistContent content, bool shipped, string actor, DateTimeOffset now)
    {
        var validation = new Validation();
        validation.RequireText(code, "code", 40);
        validation.Require(code is null || CodePattern().IsMatch(code.Trim()), "code", ValidationFailure.Format("a-z 0-9 -", "must be lower-case letters, digits and '-', e.g. small-restaurant."));
        return Build(code?.Trim() ?? "", 1, content, shipped, actor, now, validation);
    }

    /// <summary>The next version of this checklist with new content.</summary>
    public ChecklistTemplate NextVersion(ChecklistContent content, string actor, DateTimeOffset now) =>
        Build(Code, Version + 1, content, shipped: false, actor, now, new Validation());

    private static ChecklistTemplate Build(string code, int version, ChecklistContent content, bool shipped, string actor, DateTimeOffset now, Validation validation)
    {
        validation.RequireText(content.Name, "name", 100);
        var kinds = new List<string>();
        for (var i = 0; i < (content.VenueKinds?.Count ?? 0); i++)
        {
            if (validation.RequireOneOf(content.VenueKinds![i], $"venueKinds[{i}]", Domain.VenueKinds.Labels) is { } kind && !kinds.Contains(kind.ToString()))
            {
                kinds.Add(kind.ToString());
            }
        }

        var items = content.Items ?? [];
        validation.Require(items.Count is > 0 and <= MaxItems, "items", ValidationFailure.Count(1, MaxItems, $"must hold between 1 and {MaxItems} items."));
        var parsed = new List<ChecklistItem>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var field = $"items[{i}]";
            var category = validation.RequireOneOf(item.Category, $"{field}.category", HazardCategories.Labels);
            validation.RequireText(item.Question, $"{field}.question", 200);
            validation.RequireMaxLength(item.Guidance?.Trim(), $"{field}.guidance", 300);
            var severity = validation.RequireOneOf(item.SeverityIfFailed, $"{field}.severityIfFailed", HazardSeverities.Labels);
            if (category is { } c && severity is { } s && !string.IsNullOrWhiteSpace(item.Question))
            {
                parsed.Add(new ChecklistItem(i + 1, c, item.Question.Trim(), item.Guidance?.Trim(), item.EvidenceRequired, s));
            }
        }

        validation.ThrowIfInvalid();
        return new ChecklistTemplate
        {
            Id = Guid.CreateVersion7(now),
            Code = code,
            Version = version,
            Name = content.Name!.Trim(),
            VenueKinds = kinds,
            Items = parsed,
            Shipped = shipped,
            CreatedBy = actor,
            CreatedAt = now,
        };
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CodePattern();
}

/// <summary>A checklist's content as written by the office (or shipped with the suite).</summary>
public sealed record ChecklistContent(string? Name, IReadOnlyList<string>? VenueKinds, IReadOnlyList<ChecklistItemContent>? Items);

public sealed record ChecklistItemContent(string? Category, string? Question, string? Guidance, bool EvidenceRequired, string? SeverityIfFailed);

/// <summary>One question of a checklist, numbered from 1 within its version.</summary>
public sealed record ChecklistItem(int Number, HazardCategory Category, string Question, string? Guidance, bool EvidenceRequired, HazardSeverity SeverityIfFailed);
