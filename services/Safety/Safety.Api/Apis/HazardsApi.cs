using System.Security.Claims;
using CommunityPlatform.Safety.Domain;
using CommunityPlatform.Safety.Extensions;
using CommunityPlatform.Safety.Infrastructure;
using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.ServiceKit.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityPlatform.Safety.Apis;

/// <summary>The hazard ledger (隐患台账) and rectification: start, submit with photos, re-inspect to close or reopen.</summary>
public static class HazardsApi
{
    public static IEndpointRouteBuilder MapHazardsApi(this IEndpointRouteBuilder app)
    {
        var hazards = app.MapGroup("/api/safety/hazards").WithTags("Hazards");

        hazards.MapGet("/", ListHazards)
            .WithSummary("Hazards by grid, venue, campaign, status, severity, category, found between foundFrom and foundTo; open=true for those not closed (any step), false for closed; overdue=true for those past their deadline; paged by cursor")
            .RequireAuthorization(SafetyPolicies.ReadInspections);
        hazards.MapGet("/{id:guid}", GetHazard)
            .WithSummary("One hazard with its timeline")
            .RequireAuthorization(SafetyPolicies.ReadInspections);
        hazards.MapPost("/{id:guid}/rectification", StartRectification)
            .WithSummary("The responsible party starts rectifying, with its measures (整改措施)")
            .RequireAuthorization(SafetyPolicies.FollowUpHazards);
        hazards.MapPost("/{id:guid}/submission", SubmitRectification)
            .WithSummary("Report the rectification done, with photos; it waits for re-inspection")
            .WithIdempotency<SafetyDbContext>()
            .RequireAuthorization(SafetyPolicies.FollowUpHazards);
        hazards.MapPost("/{id:guid}/reinspection", Reinspect)
            .WithSummary("Re-inspect (复查): passed closes the hazard and publishes HazardRectified; failed reopens it with a new deadline and publishes HazardReopened")
            .WithIdempotency<SafetyDbContext>()
            .RequireAuthorization(SafetyPolicies.Reinspect);

        return app;
    }

    public static async Task<Ok<Page<HazardResponse>>> ListHazards(
        ClaimsPrincipal caller, SafetyDbContext db, TimeProvider time, [AsParameters] HazardFilter filter, Guid? cursor, int? limit, CancellationToken cancellationToken)
    {
        var today = CommunityTime.Today(time);
        var query = filter.Apply(GridScope.Of(caller).Filter(db.Hazards.AsNoTracking(), h => h.GridCode), today);
        return TypedResults.Ok(await query.ToPageAsync(h => h.Id, cursor, limit, h => HazardResponse.From(h, today), cancellationToken));
    }

    public static async Task<Results<Ok<HazardResponse>, NotFound>> GetHazard(Guid id, ClaimsPrincipal caller, SafetyDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var hazard = await db.Hazards.AsNoTracking().FindInScopeAsync(h => h.Id == id, GridScope.Of(caller), h => h.GridCode, cancellationToken);
        return hazard is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(HazardResponse.From(hazard, CommunityTime.Today(time)));
    }

    public static Task<Results<Ok<HazardResponse>, NotFound>> StartRectification(
        Guid id, StartRectificationRequest request, ClaimsPrincipal caller, SafetyDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, caller, db, time, hazard => hazard.StartRectification(request.Measures, caller.Id(), time.GetUtcNow()), cancellationToken);

    public static Task<Results<Ok<HazardResponse>, NotFound>> SubmitRectification(
        Guid id, SubmitRectificationRequest request, ClaimsPrincipal caller, SafetyDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, caller, db, time, hazard => hazard.SubmitRectification(request.Notes, request.Photos, caller.Id(), time.GetUtcNow()), cancellationToken);

    public static Task<Results<Ok<HazardResponse>, NotFound>> Reinspect(
        Guid id, ReinspectionRequest request, ClaimsPrincipal caller, SafetyDbContext db, IOptions<SafetyOptions> options, TimeProvider time,
        CancellationToken cancellationToken) =>
        ChangeAsync(id, caller, db, time, hazard =>
        {
            if (request.Passed is null)
            {
                throw DomainValidationException.For("passed", ValidationFailure.Required("is required (true when the rectification holds)."));
            }

            hazard.Reinspect(request.Passed.Value, request.Notes, request.Deadline, options.Value.Rectification, caller.Id(), time.GetUtcNow());
        }, cancellationToken);

    private static async Task<Results<Ok<HazardResponse>, NotFound>> ChangeAsync(
        Guid id, ClaimsPrincipal caller, SafetyDbContext db, TimeProvider time, Action<Hazard> change, CancellationToken cancellationToken)
    {
        var hazard = await db.Hazards.FindInScopeAsync(h => h.Id == id, GridScope.Of(caller), h => h.GridCode, cancellationToken);
        if (hazard is null)
        {
            return TypedResults.NotFound();
        }

        change(hazard);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(HazardResponse.From(hazard, CommunityTime.Today(time)));
    }
}

public sealed record StartRectificationRequest(string? Measures);

public sealed record SubmitRectificationRequest(string? Notes, IReadOnlyList<string>? Photos);

public sealed record ReinspectionRequest(bool? Passed, string? Notes = null, DateOnly? Deadline = null);

public sealed record HazardResponse(
    Guid Id, Guid VenueId, string VenueName, VenueKind VenueKind, string GridCode, Guid InspectionId, int ItemNumber, HazardCategory Category,
    string CategoryLabel, string Summary, string? Notes, IReadOnlyList<string> Photos, HazardSeverity Severity, string SeverityLabel,
    string ResponsibleParty, DateOnly Deadline, bool Overdue, HazardStatus Status, string StatusLabel, Guid? CampaignId, string? Measures,
    IReadOnlyList<string> RectificationPhotos, DateTimeOffset FoundAt, DateTimeOffset? ClosedAt, IReadOnlyList<HazardStep> Timeline)
{
    public static HazardResponse From(Hazard h, DateOnly today) => new(
        h.Id, h.VenueId, h.VenueName, h.VenueKind, h.GridCode, h.InspectionId, h.ItemNumber, h.Category, HazardCategories.Labels[h.Category],
        h.Summary, h.Notes, h.Photos, h.Severity, HazardSeverities.Labels[h.Severity], h.ResponsibleParty, h.Deadline, h.IsOverdue(today),
        h.Status, HazardStatuses.Labels[h.Status], h.CampaignId, h.Measures, h.RectificationPhotos, h.FoundAt, h.ClosedAt, h.Timeline);
}

/// <summary>The filters of the hazard ledger; every one is optional and they combine.</summary>
public sealed class HazardFilter
{
    [FromQuery(Name = "gridCode")]
    public string? GridCode { get; init; }

    [FromQuery(Name = "venueId")]
    public Guid? VenueId { get; init; }

    [FromQuery(Name = "campaignId")]
    public Guid? CampaignId { get; init; }

    [FromQuery(Name = "status")]
    public string? Status { get; init; }

    [FromQuery(Name = "severity")]
    public string? Severity { get; init; }

    [FromQuery(Name = "category")]
    public string? Category { get; init; }

    /// <summary>True for the hazards past their deadline (<see cref="Hazard.Overdue"/>), false for the others.</summary>
    [FromQuery(Name = "overdue")]
    public bool? Overdue { get; init; }

    [FromQuery(Name = "foundFrom")]
    public DateOnly? FoundFrom { get; init; }

    [FromQuery(Name = "foundTo")]
    public DateOnly? FoundTo { get; init; }

    /// <summary>True for the hazards not closed (at any step), false for the closed.</summary>
    [FromQuery(Name = "open")]
    public bool? Open { get; init; }

    internal IQueryable<Hazard> Apply(IQueryable<Hazard> query, DateOnly today)
    {
        var validation = new Validation();
        HazardStatus? status = Status is null ? null : validation.RequireOneOf(Status, "status", HazardStatuses.Labels);
        HazardSeverity? severity = Severity is null ? null : validation.RequireOneOf(Severity, "severity", HazardSeverities.Labels);
        HazardCategory? category = Category is null ? null : validation.RequireOneOf(Category, "category", HazardCategories.Labels);
        var found = DayRange.Of(FoundFrom, FoundTo, "foundFrom", "foundTo", validation);
        validation.ThrowIfInvalid();

        query = query.WhereIf(!string.IsNullOrWhiteSpace(GridCode), h => h.GridCode == GridCode);
        query = query.WhereIf(VenueId is not null, h => h.VenueId == VenueId);
        query = query.WhereIf(CampaignId is not null, h => h.CampaignId == CampaignId);
        query = query.WhereIf(status is not null, h => h.Status == status);
        query = query.WhereIf(severity is not null, h => h.Severity == severity);
        query = query.WhereIf(category is not null, h => h.Category == category);

        query = Hazard.FoundWithin(query, found);
        if (Open is { } open)
        {
            query = Hazard.Open(query, open);
        }

        if (Overdue is { } overdue)
        {
            query = query.Where(overdue ? Hazard.Overdue.On(today) : Hazard.Overdue.NotOn(today));
        }

        return query;
    }
}
