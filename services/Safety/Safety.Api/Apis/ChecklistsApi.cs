using System.Security.Claims;
using CommunityPlatform.Safety.Domain;
using CommunityPlatform.Safety.Extensions;
using CommunityPlatform.Safety.Infrastructure;
using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.ServiceKit.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.Safety.Apis;

/// <summary>Checklist templates (检查表), versioned: editing one creates its next version; old versions stay readable.</summary>
public static class ChecklistsApi
{
    public static IEndpointRouteBuilder MapChecklistsApi(this IEndpointRouteBuilder app)
    {
        var checklists = app.MapGroup("/api/safety/checklists").WithTags("Checklists");

        checklists.MapGet("/", ListChecklists)
            .WithSummary("The latest version of every checklist, optionally only those for a venue kind")
            .RequireAuthorization(SafetyPolicies.ReadChecklists);
        checklists.MapPost("/", CreateChecklist)
            .WithSummary("Create a new checklist (version 1)")
            .RequireAuthorization(SafetyPolicies.ManageChecklists);
        checklists.MapGet("/{code}", GetLatest)
            .WithSummary("The latest version of a checklist, with its items")
            .RequireAuthorization(SafetyPolicies.ReadChecklists);
        checklists.MapGet("/{code}/versions", ListVersions)
            .WithSummary("Every version of a checklist, newest first")
            .RequireAuthorization(SafetyPolicies.ReadChecklists);
        checklists.MapGet("/{code}/versions/{version:int}", GetVersion)
            .WithSummary("One version of a checklist, as inspections that used it asked it")
            .RequireAuthorization(SafetyPolicies.ReadChecklists);
        checklists.MapPost("/{code}/versions", CreateVersion)
            .WithSummary("Publish the next version of a checklist with new content")
            .RequireAuthorization(SafetyPolicies.ManageChecklists);

        return app;
    }

    public static async Task<Ok<IReadOnlyList<ChecklistSummary>>> ListChecklists(SafetyDbContext db, [AsParameters] ChecklistFilter filter, CancellationToken cancellationToken)
    {
        var latest = await db.LatestChecklists()
            .OrderBy(c => c.Code)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ChecklistSummary>>([.. filter.Apply(latest).Select(ChecklistSummary.From)]);
    }

    public static async Task<Created<ChecklistResponse>> CreateChecklist(
        CreateChecklistRequest request, ClaimsPrincipal caller, SafetyDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var checklist = ChecklistTemplate.Create(request.Code, request.Content, shipped: false, caller.Id(), time.GetUtcNow());
        if (await db.Checklists.AnyAsync(c => c.Code == checklist.Code, cancellationToken))
        {
            throw new DomainRuleViolationException("checklist.code-taken",
                $"A checklist '{checklist.Code}' exists; publish a new version of it instead (POST /api/safety/checklists/{checklist.Code}/versions).");
        }

        db.Checklists.Add(checklist);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/safety/checklists/{checklist.Code}/versions/{checklist.Version}", ChecklistResponse.From(checklist));
    }

    public static async Task<Results<Ok<ChecklistResponse>, NotFound>> GetLatest(string code, SafetyDbContext db, CancellationToken cancellationToken) =>
        await db.LatestChecklistAsync(code, cancellationToken) is { } checklist ? TypedResults.Ok(ChecklistResponse.From(checklist)) : TypedResults.NotFound();

    public static async Task<Results<Ok<IReadOnlyList<ChecklistSummary>>, NotFound>> ListVersions(string code, SafetyDbContext db, CancellationToken cancellationToken)
    {
        var versions = await db.Checklists.AsNoTracking().Where(c => c.Code == code).OrderByDescending(c => c.Version).ToListAsync(cancellationToken);
        return versions.Count == 0 ? TypedResults.NotFound() : TypedResults.Ok<IReadOnlyList<ChecklistSummary>>([.. versions.Select(ChecklistSummary.From)]);
    }

    public static async Task<Results<Ok<ChecklistResponse>, NotFound>> GetVersion(string code, int version, SafetyDbContext db, CancellationToken cancellationToken) =>
        await db.Checklists.AsNoTracking().SingleOrDefaultAsync(c => c.Code == code && c.Version == version, cancellationToken) is { } checklist
            ? TypedResults.Ok(ChecklistResponse.From(checklist))
            : TypedResults.NotFound();

    public static async Task<Results<Created<ChecklistResponse>, NotFound>> CreateVersion(
        string code, ChecklistContent request, ClaimsPrincipal caller, SafetyDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await db.LatestChecklistAsync(code, cancellationToken) is not { } latest)
        {
            return TypedResults.NotFound();
        }

        var next = latest.NextVersion(request, caller.Id(), time.GetUtcNow());
        db.Checklists.Add(next);
        // Two editors publishing at once both compute the same number; the unique (code, version) index refuses the second.
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/safety/checklists/{next.Code}/versions/{next.Version}", ChecklistResponse.From(next));
    }

    /// <summary>The newest version of every checklist code.</summary>
    internal static IQueryable<ChecklistTemplate> LatestChecklists(this SafetyDbContext db) =>
        db.Checklists.AsNoTracking().Where(c => !db.Checklists.Any(newer => newer.Code == c.Code && newer.Version > c.Version));

    internal static Task<ChecklistTemplate?> LatestChecklistAsync(this SafetyDbContext db, string code, CancellationToken cancellationToken) =>
        db.Checklists.AsNoTracking().Where(c => c.Code == code).OrderByDescending(c => c.Version).FirstOrDefaultAsync(cancellationToken);
}

public sealed record CreateChecklistRequest(string? Code, string? Name, IReadOnlyList<string>? VenueKinds, IReadOnlyList<ChecklistItemContent>? Items)
{
    internal ChecklistContent Content => new(Name, VenueKinds, Items);
}

public sealed record ChecklistSummary(string Code, int Version, string Name, IReadOnlyList<string> VenueKinds, int Items, bool Shipped, DateTimeOffset CreatedAt)
{
    public static ChecklistSummary From(ChecklistTemplate checklist) =>
        new(checklist.Code, checklist.Version, checklist.Name, checklist.VenueKinds, checklist.Items.Count, checklist.Shipped, checklist.CreatedAt);
}

public sealed record ChecklistResponse(
    Guid Id, string Code, int Version, string Name, IReadOnlyList<string> VenueKinds, IReadOnlyList<ChecklistItemResponse> Items, bool Shipped,
    string CreatedBy, DateTimeOffset CreatedAt)
{
    public static ChecklistResponse From(ChecklistTemplate checklist) => new(
        checklist.Id, checklist.Code, checklist.Version, checklist.Name, checklist.VenueKinds,
        [.. checklist.Items.Select(i => new ChecklistItemResponse(i.Number, i.Category, HazardCategories.Labels[i.Category], i.Question, i.Guidance, i.EvidenceRequired, i.SeverityIfFailed))],
        checklist.Shipped, checklist.CreatedBy, checklist.CreatedAt);
}

public sealed record ChecklistItemResponse(
    int Number, HazardCategory Category, string CategoryLabel, string Question, string? Guidance, bool EvidenceRequired, HazardSeverity SeverityIfFailed);

/// <summary>The filter of the checklist list.</summary>
public sealed class ChecklistFilter
{
    /// <summary>The checklists meant for this venue kind.</summary>
    [FromQuery(Name = "venueKind")]
    public string? VenueKind { get; init; }

    /// <summary>The latest checklists to list; matched in memory, as each one's kinds are a list.</summary>
    internal IEnumerable<ChecklistTemplate> Apply(IEnumerable<ChecklistTemplate> latest)
    {
        var validation = new Validation();
        var kind = VenueKind is null ? null : validation.RequireOneOf(VenueKind, "venueKind", VenueKinds.Labels);
        validation.ThrowIfInvalid();
        return kind is { } k ? latest.Where(c => c.AppliesTo(k)) : latest;
    }
}
