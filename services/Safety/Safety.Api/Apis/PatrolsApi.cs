using System.Security.Claims;
using CommunityPlatform.Messaging.ReferenceData;
using CommunityPlatform.Safety.Domain;
using CommunityPlatform.Safety.Extensions;
using CommunityPlatform.Safety.Infrastructure;
using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.ServiceKit.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.Safety.Apis;

/// <summary>Patrol plans with monthly quotas, the patrols walked, and how each grid's month measures up.</summary>
public static class PatrolsApi
{
    public static IEndpointRouteBuilder MapPatrolsApi(this IEndpointRouteBuilder app)
    {
        var plans = app.MapGroup("/api/safety/patrol-plans").WithTags("Patrols");
        plans.MapPost("/", CreatePlan)
            .WithSummary("Plan at least N patrols of a kind a month in a grid, or at one venue of it, from a day (and until one, for a season)")
            .RequireAuthorization(SafetyPolicies.PlanPatrols);
        plans.MapGet("/", ListPlans).WithSummary("Patrol plans, optionally of one grid").RequireAuthorization(SafetyPolicies.ReadInspections);
        plans.MapPost("/{id:guid}/end", EndPlan).WithSummary("End a plan on a day; later months are not judged").RequireAuthorization(SafetyPolicies.PlanPatrols);

        var patrols = app.MapGroup("/api/safety/patrols").WithTags("Patrols");
        patrols.MapPost("/", RecordPatrol)
            .WithSummary("Record a patrol walked: kind, when, route, findings, photos")
            .WithIdempotency<SafetyDbContext>()
            .RequireAuthorization(SafetyPolicies.RecordPatrols);
        patrols.MapGet("/", ListPatrols)
            .WithSummary("Patrols by grid, kind and month (yyyy-MM); paged by cursor")
            .RequireAuthorization(SafetyPolicies.ReadInspections);

        app.MapGet("/api/safety/patrol-quotas", GetQuotas)
            .WithTags("Patrols")
            .WithSummary("Quota attainment of every plan in a month (yyyy-MM, default this month): required, held, attained, missed once the month is over")
            .RequireAuthorization(SafetyPolicies.ReadInspections);

        return app;
    }

    public static async Task<Created<PatrolPlanResponse>> CreatePlan(
        CreatePatrolPlanRequest request, ClaimsPrincipal caller, SafetyDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var grid = await db.RequireKnownGridAsync(request.GridCode, GridScope.Of(caller), cancellationToken);
        var venue = await OptionalVenueAsync(db, request.VenueId, cancellationToken);
        var plan = PatrolPlan.Create(grid.Code, venue, request.Kind, request.TimesPerMonth, request.StartsOn, request.EndsOn, caller.Id(), time.GetUtcNow());
        db.PatrolPlans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/safety/patrol-plans/{plan.Id}", PatrolPlanResponse.From(plan));
    }

    public static async Task<Ok<IReadOnlyList<PatrolPlanResponse>>> ListPlans(ClaimsPrincipal caller, SafetyDbContext db, string? gridCode, CancellationToken cancellationToken)
    {
        var query = GridScope.Of(caller).Filter(db.PatrolPlans.AsNoTracking(), p => p.GridCode);
        query = string.IsNullOrWhiteSpace(gridCode) ? query : query.Where(p => p.GridCode == gridCode);
        var plans = await query.OrderBy(p => p.GridCode).ThenBy(p => p.Kind).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<PatrolPlanResponse>>([.. plans.Select(PatrolPlanResponse.From)]);
    }

    public static async Task<Results<Ok<PatrolPlanResponse>, NotFound>> EndPlan(
        Guid id, EndPatrolPlanRequest request, ClaimsPrincipal caller, SafetyDbContext db, CancellationToken cancellationToken)
    {
        var plan = await db.PatrolPlans.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (plan is null || !GridScope.Of(caller).Covers(plan.GridCode))
        {
            return TypedResults.NotFound();
        }

        plan.End(request.EndsOn ?? throw DomainValidationException.For("endsOn", ValidationFailure.Required("is required (yyyy-MM-dd).")));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(PatrolPlanResponse.From(plan));
    }

    public static async Task<Created<PatrolResponse>> RecordPatrol(
        RecordPatrolRequest request, ClaimsPrincipal caller, SafetyDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var grid = await db.RequireKnownGridAsync(request.GridCode, GridScope.Of(caller), cancellationToken);
        var venue = await OptionalVenueAsync(db, request.VenueId, cancellationToken);
        var patrol = Patrol.Record(grid.Code, venue, request.Record, caller.Id(), time.GetUtcNow());
        db.Patrols.Add(patrol);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/safety/patrols/{patrol.Id}", PatrolResponse.From(patrol));
    }

    public static async Task<Ok<Page<PatrolResponse>>> ListPatrols(
        ClaimsPrincipal caller, SafetyDbContext db, string? gridCode, string? kind, string? month, Guid? cursor, int? limit, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        PatrolKind? parsedKind = kind is null ? null : validation.RequireOneOf(kind, "kind", PatrolKinds.Labels);
        var parsedMonth = month is null ? null : PatrolMonth.Parse(month);
        validation.Require(month is null || parsedMonth is not null, "month", ValidationFailure.Format("yyyy-MM", "must be a month written yyyy-MM."));
        validation.ThrowIfInvalid();

        var query = GridScope.Of(caller).Filter(db.Patrols.AsNoTracking(), p => p.GridCode);
        query = string.IsNullOrWhiteSpace(gridCode) ? query : query.Where(p => p.GridCode == gridCode);
        query = parsedKind is null ? query : query.Where(p => p.Kind == parsedKind);
        if (parsedMonth is { } m)
        {
            var (start, end) = (CommunityTime.StartOf(m.First), CommunityTime.StartOf(m.Next.First));
            query = query.Where(p => p.PatrolledAt >= start && p.PatrolledAt < end);
        }

        return TypedResults.Ok(await query.ToPageAsync(p => p.Id, cursor, limit, PatrolResponse.From, cancellationToken));
    }

    public static async Task<Ok<PatrolQuotaReport>> GetQuotas(
        ClaimsPrincipal caller, SafetyDbContext db, TimeProvider time, string? month, string? gridCode, CancellationToken cancellationToken)
    {
        var today = CommunityTime.Today(time);
        var parsed = month is null ? PatrolMonth.Of(today) : PatrolMonth.Parse(month);
        new Validation().Require(parsed is not null, "month", ValidationFailure.Format("yyyy-MM", "must be a month written yyyy-MM.")).ThrowIfInvalid();
        var attainments = await QuotaAttainmentsAsync(db, GridScope.Of(caller), gridCode, parsed!.Value, today, cancellationToken);
        return TypedResults.Ok(new PatrolQuotaReport(parsed.Value.ToString(), attainments));
    }

    /// <summary>Every plan covering <paramref name="month"/> against the patrols held in it.</summary>
    internal static async Task<IReadOnlyList<QuotaAttainment>> QuotaAttainmentsAsync(
        SafetyDbContext db, GridScope scope, string? gridCode, PatrolMonth month, DateOnly today, CancellationToken cancellationToken)
    {
        var plans = scope.Filter(db.PatrolPlans.AsNoTracking(), p => p.GridCode)
            .Where(p => p.StartsOn <= month.Last && (p.EndsOn == null || p.EndsOn >= month.First));
        plans = string.IsNullOrWhiteSpace(gridCode) ? plans : plans.Where(p => p.GridCode == gridCode);
        var planList = await plans.OrderBy(p => p.GridCode).ThenBy(p => p.Kind).ToListAsync(cancellationToken);
        var grids = planList.Select(p => p.GridCode).Distinct().ToList();
        var (start, end) = (CommunityTime.StartOf(month.First), CommunityTime.StartOf(month.Next.First));
        var patrols = await db.Patrols.AsNoTracking()
            .Where(p => grids.Contains(p.GridCode) && p.PatrolledAt >= start && p.PatrolledAt < end)
            .ToListAsync(cancellationToken);
        return [.. planList.Select(p => p.Attainment(month, patrols, today))];
    }

    private static async Task<Venue?> OptionalVenueAsync(SafetyDbContext db, Guid? venueId, CancellationToken cancellationToken) =>
        venueId is { } id
            ? await db.Venues.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, cancellationToken) ?? throw DomainValidationException.For("venueId", ValidationFailure.NotFound($"names no venue ({id})."))
            : null;
}

public sealed record CreatePatrolPlanRequest(string? GridCode, string? Kind, int? TimesPerMonth, DateOnly? StartsOn, DateOnly? EndsOn = null, Guid? VenueId = null);

public sealed record EndPatrolPlanRequest(DateOnly? EndsOn);

public sealed record RecordPatrolRequest(
    string? GridCode, string? Kind, DateTimeOffset? PatrolledAt, string? Route = null, string? Findings = null, int? Participants = null,
    IReadOnlyList<string>? Photos = null, Guid? VenueId = null)
{
    internal PatrolRecord Record => new(Kind, PatrolledAt, Route, Findings, Participants, Photos);
}

public sealed record PatrolPlanResponse(
    Guid Id, string GridCode, Guid? VenueId, PatrolKind Kind, string KindLabel, int TimesPerMonth, DateOnly StartsOn, DateOnly? EndsOn, DateTimeOffset CreatedAt)
{
    public static PatrolPlanResponse From(PatrolPlan p) =>
        new(p.Id, p.GridCode, p.VenueId, p.Kind, PatrolKinds.Labels[p.Kind], p.TimesPerMonth, p.StartsOn, p.EndsOn, p.CreatedAt);
}

public sealed record PatrolResponse(
    Guid Id, string GridCode, Guid? VenueId, PatrolKind Kind, string KindLabel, DateTimeOffset PatrolledAt, string? Route, string Findings,
    int Participants, IReadOnlyList<string> Photos, string RecordedBy)
{
    public static PatrolResponse From(Patrol p) =>
        new(p.Id, p.GridCode, p.VenueId, p.Kind, PatrolKinds.Labels[p.Kind], p.PatrolledAt, p.Route, p.Findings, p.Participants, p.Photos, p.RecordedBy);
}

public sealed record PatrolQuotaReport(string Month, IReadOnlyList<QuotaAttainment> Plans);
