using System.Security.Claims;
using CommunityPlatform.Safety.Domain;
using CommunityPlatform.Safety.Extensions;
using CommunityPlatform.Safety.Infrastructure;
using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.ServiceKit.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.Safety.Apis;

/// <summary>Special campaigns (专项整治) and their progress: venues in scope and inspected, hazards found, rectified, overdue.</summary>
public static class CampaignsApi
{
    public static IEndpointRouteBuilder MapCampaignsApi(this IEndpointRouteBuilder app)
    {
        var campaigns = app.MapGroup("/api/safety/campaigns").WithTags("Campaigns");
        campaigns.MapPost("/", CreateCampaign)
            .WithSummary("Start a campaign: name, period, the venue kinds it targets, the checklist its inspections use")
            .RequireAuthorization(SafetyPolicies.ManageCampaigns);
        campaigns.MapGet("/", ListCampaigns).WithSummary("Campaigns, newest first, each with its progress").RequireAuthorization(SafetyPolicies.ReadInspections);
        campaigns.MapGet("/{id:guid}", GetCampaign).WithSummary("One campaign with its progress figures").RequireAuthorization(SafetyPolicies.ReadInspections);
        return app;
    }

    public static async Task<Created<CampaignResponse>> CreateCampaign(
        CreateCampaignRequest request, ClaimsPrincipal caller, SafetyDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var template = request.TemplateCode is null ? null : await db.LatestChecklistAsync(request.TemplateCode, cancellationToken);
        var campaign = Campaign.Create(
            request.Name, request.Description, request.StartsOn, request.EndsOn, request.VenueKinds, template, request.TemplateCode, caller.Id(), time.GetUtcNow());
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/safety/campaigns/{campaign.Id}", await CampaignResponse.FromAsync(campaign, db, GridScope.Of(caller), time, cancellationToken));
    }

    public static async Task<Ok<IReadOnlyList<CampaignResponse>>> ListCampaigns(ClaimsPrincipal caller, SafetyDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var campaigns = await db.Campaigns.AsNoTracking().OrderByDescending(c => c.StartsOn).Take(100).ToListAsync(cancellationToken);
        var responses = new List<CampaignResponse>();
        foreach (var campaign in campaigns)
        {
            responses.Add(await CampaignResponse.FromAsync(campaign, db, GridScope.Of(caller), time, cancellationToken));
        }

        return TypedResults.Ok<IReadOnlyList<CampaignResponse>>(responses);
    }

    public static async Task<Results<Ok<CampaignResponse>, NotFound>> GetCampaign(
        Guid id, ClaimsPrincipal caller, SafetyDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is { } campaign
            ? TypedResults.Ok(await CampaignResponse.FromAsync(campaign, db, GridScope.Of(caller), time, cancellationToken))
            : TypedResults.NotFound();
}

public sealed record CreateCampaignRequest(
    string? Name, DateOnly? StartsOn, DateOnly? EndsOn, string? Description = null, IReadOnlyList<string>? VenueKinds = null, string? TemplateCode = null);

/// <summary>A campaign's progress as the caller's grids see it.</summary>
public sealed record CampaignProgress(
    int VenuesInScope, int VenuesInspected, int Inspections, int HazardsFound, int HazardsRectified, int HazardsOpen, int HazardsOverdue, decimal? RectificationRate);

public sealed record CampaignResponse(
    Guid Id, string Name, string? Description, DateOnly StartsOn, DateOnly EndsOn, IReadOnlyList<string> VenueKinds, string? TemplateCode,
    CampaignProgress Progress, DateTimeOffset CreatedAt)
{
    internal static async Task<CampaignResponse> FromAsync(Campaign c, SafetyDbContext db, GridScope scope, TimeProvider time, CancellationToken cancellationToken)
    {
        var today = CommunityTime.Today(time);
        var kinds = c.VenueKinds.Select(Enum.Parse<VenueKind>).ToList();
        var venues = scope.Filter(db.Venues.AsNoTracking(), v => v.GridCode);
        var inScope = await (kinds.Count == 0 ? venues : venues.Where(v => kinds.Contains(v.Kind))).CountAsync(cancellationToken);
        var inspections = scope.Filter(db.Inspections.AsNoTracking(), i => i.GridCode).Where(i => i.CampaignId == c.Id && i.Status == InspectionStatus.Completed);
        var hazards = scope.Filter(db.Hazards.AsNoTracking(), h => h.GridCode).Where(h => h.CampaignId == c.Id);
        var found = await hazards.CountAsync(cancellationToken);
        var rectified = await hazards.CountAsync(h => h.Status == HazardStatus.Closed, cancellationToken);
        var progress = new CampaignProgress(
            inScope,
            await inspections.Select(i => i.VenueId).Distinct().CountAsync(cancellationToken),
            await inspections.CountAsync(cancellationToken),
            found,
            rectified,
            found - rectified,
            await hazards.CountAsync(Hazard.Overdue.On(today), cancellationToken),
            Rates.Of(rectified, found));
        return new CampaignResponse(c.Id, c.Name, c.Description, c.StartsOn, c.EndsOn, c.VenueKinds, c.TemplateCode, progress, c.CreatedAt);
    }
}
