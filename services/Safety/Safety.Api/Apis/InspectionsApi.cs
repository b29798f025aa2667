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

/// <summary>Inspections: start on a venue with a checklist, answer its items on the spot, complete — failed items become hazards.</summary>
public static class InspectionsApi
{
    public static IEndpointRouteBuilder MapInspectionsApi(this IEndpointRouteBuilder app)
    {
        var inspections = app.MapGroup("/api/safety/inspections").WithTags("Inspections");

        inspections.MapPost("/", StartInspection)
            .WithSummary("Start an inspection of a venue; the checklist defaults to the campaign's or the latest one for the venue's kind")
            .WithIdempotency<SafetyDbContext>()
            .RequireAuthorization(SafetyPolicies.Inspect);
        inspections.MapGet("/", ListInspections)
            .WithSummary("Inspections by grid, venue, campaign, status and the day completed (completedFrom/completedTo); paged by cursor")
            .RequireAuthorization(SafetyPolicies.ReadInspections);
        inspections.MapGet("/{id:guid}", GetInspection)
            .WithSummary("One inspection with every item and its answer")
            .RequireAuthorization(SafetyPolicies.ReadInspections);
        inspections.MapPut("/{id:guid}/items/{number:int}", AnswerItem)
            .WithSummary("Answer (or correct) one item: Pass / Fail / NotApplicable, notes, photo references; a failed item may raise its severity or set its deadline")
            .RequireAuthorization(SafetyPolicies.Inspect);
        inspections.MapPost("/{id:guid}/complete", CompleteInspection)
            .WithSummary("Complete the inspection: refused (409) while an item is unanswered or a failed item lacks its required photo; each failed item opens a hazard and publishes HazardReported")
            .WithIdempotency<SafetyDbContext>()
            .RequireAuthorization(SafetyPolicies.Inspect);

        return app;
    }

    public static async Task<Created<InspectionResponse>> StartInspection(
        StartInspectionRequest request, ClaimsPrincipal caller, SafetyDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var scope = GridScope.Of(caller);
        var venue = await db.Venues.AsNoTracking().FindInScopeAsync(v => v.Id == request.VenueId, scope, v => v.GridCode, cancellationToken);
        if (venue is null)
        {
            throw DomainValidationException.For("venueId", request.VenueId is null ? ValidationFailure.Required() : ValidationFailure.NotFound($"names no venue of yours ({request.VenueId})."));
        }

        var now = time.GetUtcNow();
        Campaign? campaign = null;
        if (request.CampaignId is { } campaignId)
        {
            campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken)
                ?? throw DomainValidationException.For("campaignId", ValidationFailure.NotFound($"names no campaign ({campaignId})."));
            campaign.RequireAccepts(venue, CommunityTime.DateOf(now));
        }

        InspectionTask? task = null;
        if (request.TaskId is { } taskId)
        {
            task = await db.InspectionTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId && t.GridCode == venue.GridCode, cancellationToken)
                ?? throw DomainValidationException.For("taskId", ValidationFailure.NotFound($"names no inspection task in the venue's grid ({taskId})."));
            task.RequireOpen();
        }

        var checklist = await ChooseChecklistAsync(db, request.TemplateCode ?? campaign?.TemplateCode, venue, cancellationToken);
        var inspection = Inspection.Start(venue, checklist, campaign?.Id, task?.Id, caller.Id(), now);
        db.Inspections.Add(inspection);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/safety/inspections/{inspection.Id}", InspectionResponse.From(inspection));
    }

    public static async Task<Ok<Page<InspectionSummary>>> ListInspections(
        ClaimsPrincipal caller, SafetyDbContext db, [AsParameters] InspectionFilter filter, Guid? cursor, int? limit, CancellationToken cancellationToken)
    {
        var query = filter.Apply(GridScope.Of(caller).Filter(db.Inspections.AsNoTracking(), i => i.GridCode));
        return TypedResults.Ok(await query.ToPageAsync(i => i.Id, cursor, limit, InspectionSummary.From, cancellationToken));
    }

    public static async Task<Results<Ok<InspectionResponse>, NotFound>> GetInspection(Guid id, ClaimsPrincipal caller, SafetyDbContext db, CancellationToken cancellationToken)
    {
        var inspection = await db.Inspections.AsNoTracking().FindInScopeAsync(i => i.Id == id, GridScope.Of(caller), i => i.GridCode, cancellationToken);
        return inspection is null ? TypedResults.NotFound() : TypedResults.Ok(InspectionResponse.From(inspection));
    }

    public static async Task<Results<Ok<InspectionResponse>, NotFound>> AnswerItem(
        Guid id, int number, AnswerContent request, ClaimsPrincipal caller, SafetyDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var inspection = await db.Inspections.FindInScopeAsync(i => i.Id == id, GridScope.Of(caller), i => i.GridCode, cancellationToken);
        if (inspection is null)
        {
            return TypedResults.NotFound();
        }

        inspection.Answer(number, request, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(InspectionResponse.From(inspection));
    }

    public static async Task<Results<Ok<CompletedInspectionResponse>, NotFound>> CompleteInspection(
        Guid id, ClaimsPrincipal caller, SafetyDbContext db, IOptions<SafetyOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var inspection = await db.Inspections.FindInScopeAsync(i => i.Id == id, GridScope.Of(caller), i => i.GridCode, cancellationToken);
        if (inspection is null)
        {
            return TypedResults.NotFound();
        }

        var now = time.GetUtcNow();
        var venue = await db.Venues.AsNoTracking().SingleAsync(v => v.Id == inspection.VenueId, cancellationToken);
        var hazards = inspection.Complete(venue, options.Value.Rectification, now);
        db.Hazards.AddRange(hazards);
        if (inspection.TaskId is { } taskId && await db.InspectionTasks.SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken) is { Status: InspectionTaskStatus.Open } task)
        {
            task.AnsweredBy(inspection, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new CompletedInspectionResponse(InspectionResponse.From(inspection), [.. hazards.Select(h => HazardResponse.From(h, CommunityTime.DateOf(now)))]));
    }

    private static async Task<ChecklistTemplate> ChooseChecklistAsync(SafetyDbContext db, string? code, Venue venue, CancellationToken cancellationToken)
    {
        if (code is not null)
        {
            return await db.LatestChecklistAsync(code, cancellationToken)
                ?? throw DomainValidationException.For("templateCode", ValidationFailure.NotFound($"names no checklist ('{code}')."));
        }

        var kind = venue.Kind.ToString();
        // The office's own checklist for the kind wins over the shipped one; among them, the most recently edited.
        var candidates = await db.LatestChecklists().Where(c => c.VenueKinds.Contains(kind)).ToListAsync(cancellationToken);
        return candidates.OrderBy(c => c.Shipped).ThenByDescending(c => c.CreatedAt).FirstOrDefault()
            ?? throw DomainValidationException.For("templateCode", ValidationFailure.Required($"is required: no checklist is meant for {VenueKinds.Labels[venue.Kind]}."));
    }
}

public sealed record StartInspectionRequest(Guid? VenueId, string? TemplateCode = null, Guid? CampaignId = null, Guid? TaskId = null);

public sealed record InspectionSummary(
    Guid Id, Guid VenueId, string VenueName, VenueKind VenueKind, string GridCode, string TemplateCode, int TemplateVersion, Guid? CampaignId,
    InspectionStatus Status, int Items, int Failed, string InspectorId, DateTimeOffset StartedAt, DateTimeOffset? CompletedAt)
{
    public static InspectionSummary From(Inspection i) => new(
        i.Id, i.VenueId, i.VenueName, i.VenueKind, i.GridCode, i.TemplateCode, i.TemplateVersion, i.CampaignId, i.Status, i.Answers.Count,
        i.Answers.Count(a => a.Result == AnswerResult.Fail), i.InspectorId, i.StartedAt, i.CompletedAt);
}

public sealed record InspectionResponse(
    Guid Id, Guid VenueId, string VenueName, VenueKind VenueKind, string GridCode, string TemplateCode, int TemplateVersion, Guid? CampaignId,
    Guid? TaskId, InspectionStatus Status, IReadOnlyList<InspectionAnswer> Items, string InspectorId, DateTimeOffset StartedAt, DateTimeOffset? CompletedAt)
{
    public static InspectionResponse From(Inspection i) => new(
        i.Id, i.VenueId, i.VenueName, i.VenueKind, i.GridCode, i.TemplateCode, i.TemplateVersion, i.CampaignId, i.TaskId, i.Status, i.Answers,
        i.InspectorId, i.StartedAt, i.CompletedAt);
}

public sealed record CompletedInspectionResponse(InspectionResponse Inspection, IReadOnlyList<HazardResponse> Hazards);

/// <summary>The filters of the inspection list; every one is optional and they combine.</summary>
public sealed class InspectionFilter
{
    [FromQuery(Name = "gridCode")]
    public string? GridCode { get; init; }

    [FromQuery(Name = "venueId")]
    public Guid? VenueId { get; init; }

    [FromQuery(Name = "campaignId")]
    public Guid? CampaignId { get; init; }

    [FromQuery(Name = "status")]
    public string? Status { get; init; }

    [FromQuery(Name = "completedFrom")]
    public DateOnly? CompletedFrom { get; init; }

    [FromQuery(Name = "completedTo")]
    public DateOnly? CompletedTo { get; init; }

    internal IQueryable<Inspection> Apply(IQueryable<Inspection> query)
    {
        var validation = new Validation();
        InspectionStatus? status = Status is null ? null : validation.RequireOneOf(Status, "status", InspectionStatuses.Labels);
        var completed = DayRange.Of(CompletedFrom, CompletedTo, "completedFrom", "completedTo", validation);
        validation.ThrowIfInvalid();

        if (!completed.IsOpen)
        {
            query = Inspection.CompletedWithin(query, completed);
        }

        query = query.WhereIf(!string.IsNullOrWhiteSpace(GridCode), i => i.GridCode == GridCode);
        query = query.WhereIf(VenueId is not null, i => i.VenueId == VenueId);
        query = query.WhereIf(CampaignId is not null, i => i.CampaignId == CampaignId);
        query = query.WhereIf(status is not null, i => i.Status == status);

        return query;
    }
}
