using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Safety.Domain;

/// <summary>
/// A special campaign (专项整治), e.g. 燃气安全专项整治 or 电动自行车消防安全整治: a period, the venue kinds it
/// targets and the checklist it uses; inspections and the hazards they find are counted towards it.
/// </summary>
public sealed class Campaign
{
    private Campaign()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public string? Description { get; private set; }

    public DateOnly StartsOn { get; private set; }

    public DateOnly EndsOn { get; private set; }

    /// <summary>Codes of the venue kinds in scope; empty means every venue.</summary>
    public List<string> VenueKinds { get; private set; } = [];

    /// <summary>The checklist its inspections use unless they name another.</summary>
    public string? TemplateCode { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public static Campaign Create(
        string? name, string? description, DateOnly? startsOn, DateOnly? endsOn, IReadOnlyList<string>? venueKinds, ChecklistTemplate? template,
        string? templateCode, string actor, DateTimeOffset now)
    {
        var validation = new Validation();
        validation.RequireText(name, "name", 100);
        validation.RequireMaxLength(description?.Trim(), "description", 1000);
        validation.RequireGiven(startsOn, "startsOn", "is required (yyyy-MM-dd).");
        validation.RequireGiven(endsOn, "endsOn", "is required (yyyy-MM-dd).");
        validation.Require(startsOn is null || endsOn is null || endsOn >= startsOn, "endsOn", ValidationFailure.NotBefore("startsOn"));
        validation.Require(templateCode is null || template is not null, "templateCode", ValidationFailure.NotFound("names no checklist."));
        var kinds = new List<string>();
        for (var i = 0; i < (venueKinds?.Count ?? 0); i++)
        {
            if (validation.RequireOneOf(venueKinds![i], $"venueKinds[{i}]", Domain.VenueKinds.Labels) is { } kind && !kinds.Contains(kind.ToString()))
            {
                kinds.Add(kind.ToString());
            }
        }

        validation.ThrowIfInvalid();
        return new Campaign
        {
            Id = Guid.CreateVersion7(now),
            Name = name!.Trim(),
            Description = description?.Trim(),
            StartsOn = startsOn!.Value,
            EndsOn = endsOn!.Value,
            VenueKinds = kinds,
            TemplateCode = template?.Code,
            CreatedBy = actor,
            CreatedAt = now,
        };
    }

    public bool Targets(VenueKind kind) => VenueKinds.Count == 0 || VenueKinds.Contains(kind.ToString());

    /// <summary>An inspection may count towards the campaign only while it runs and only at a venue it targets.</summary>
    public void RequireAccepts(Venue venue, DateOnly today)
    {
        if (today < StartsOn || today > EndsOn)
        {
            throw new DomainRuleViolationException("campaign.not-running",
                $"The campaign runs from {StartsOn:yyyy-MM-dd} to {EndsOn:yyyy-MM-dd}.",
                new Dictionary<string, object?> { ["startsOn"] = StartsOn, ["endsOn"] = EndsOn });
        }

        if (!Targets(venue.Kind))
        {
            throw DomainValidationException.For("campaignId", ValidationFailure.Of(ValidationCodes.NotAllowed, $"targets {string.Join("/", VenueKinds)}, not {venue.Kind}."));
        }
    }
}
