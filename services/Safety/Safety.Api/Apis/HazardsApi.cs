using System.Security.Claims;
using CommunityPlatform.Messaging.Outbox;
using CommunityPlatform.Safety.Domain;
using CommunityPlatform.Safety.Extensions;
using CommunityPlatform.Safety.Infrastructure;
using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.ServiceKit.Web;
using Microsoft.AspNetCore.Http.HttpResults;
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
        ClaimsPrincipal caller, SafetyDbContext db, TimeProvider time, string? gridCode, Guid? venueId, Guid? campaignId, string? status,
        string? severity, string? category, bool? overdue, DateOnly? foundFrom, DateOnly? foundTo, bool? open, Guid? cursor, int? limit,
        CancellationToken cancellationToken)
    {
        var validation = new Validation();
        HazardStatus? parsedStatus = status is null ? null : validation.RequireOneOf(status, "status", HazardStatuses.Labels);
        HazardSeverity? parsedSeverity = severity is null ? null : validation.RequireOneOf(severity, "severity", HazardSeverities.Labels);
        HazardCategory? parsedCategory = category is null ? null : validation.RequireOneOf(category, "category", HazardCategories.Labels);
        var found = DayRange.Of(foundFrom, foundTo, "foundFrom", "foundTo", validation);
        validation.ThrowIfInvalid();

        var today = CommunityTime.Today(time);
        var query = GridScope.Of(caller).Filter(db.Hazards.AsNoTracking(), h => h.GridCode);
        query = string.IsNullOrWhiteSpace(gridCode) ? query : query.Where(h => h.GridCode == gridCode);
        query = venueId is null ? query : query.Where(h => h.VenueId == venueId);
        query = campaignId is null ? query : query.Where(h => h.CampaignId == campaignId);
        query = parsedStatus is null ? query : query.Where(h => h.Status == parsedStatus);
        query = parsedSeverity is null ? query : query.Where(h => h.Severity == parsedSeverity);
        query = parsedCategory is null ? query : query.Where(h => h.Category == parsedCategory);
        query = Hazard.FoundWithin(query, found);
        query = open is null ? query : Hazard.Open(query, open.Value);
        query = overdue switch
        {
            true => query.Where(h => h.Status != HazardStatus.Closed && h.Deadline < today),
            false => query.Where(h => h.Status == HazardStatus.Closed || h.Deadline >= today),
            null => query,
        };
        return TypedResults.Ok(await query.ToPageAsync(h => h.Id, cursor, limit, h => HazardResponse.From(h, today), cancellationToken));
    }

    public static async Task<Results<Ok<HazardResponse>, NotFound>> GetHazard(Guid id, ClaimsPrincipal caller, SafetyDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var hazard = await db.Hazards.AsNoTracking().SingleOrDefaultAsync(h => h.Id == id, cancellationToken);
        return hazard is null || !GridScope.Of(caller).Covers(hazard.GridCode)
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

            db.AddIntegrationEvent(hazard.Reinspect(request.Passed.Value, request.Notes, request.Deadline, options.Value.Rectification, caller.Id(), time.GetUtcNow()));
        }, cancellationToken);

    private static async Task<Results<Ok<HazardResponse>, NotFound>> ChangeAsync(
        Guid id, ClaimsPrincipal caller, SafetyDbContext db, TimeProvider time, Action<Hazard> change, CancellationToken cancellationToken)
    {
        var hazard = await db.Hazards.SingleOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (hazard is null || !GridScope.Of(caller).Covers(hazard.GridCode))
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
