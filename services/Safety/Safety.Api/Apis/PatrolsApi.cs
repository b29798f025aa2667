using System.Security.Claims;
using CommunityPlatform.Safety.Domain;
using CommunityPlatform.Safety.Extensions;
using CommunityPlatform.Safety.Infrastructure;
using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.ServiceKit.ReferenceData;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.ServiceKit.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
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

    public static async Task<Ok<IReadOnlyList<PatrolPlanResponse>>> ListPlans(
        ClaimsPrincipal caller, SafetyDbContext db, [AsParameters] PatrolPlanFilter filter, CancellationToken cancellationToken)
    {
        var query = filter.Apply(GridScope.Of(caller).Filter(db.PatrolPlans.AsNoTracking(), p => p.GridCode));
        var plans = await query.OrderBy(p => p.GridCode).ThenBy(p => p.Kind).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<PatrolPlanResponse>>([.. plans.Select(PatrolPlanResponse.From)]);
    }

    public static async Task<Results<Ok<PatrolPlanResponse>, NotFound>> EndPlan(
        Guid id, EndPatrolPlanRequest request, ClaimsPrincipal caller, SafetyDbContext db, CancellationToken cancellationToken)
    {
        var plan = await db.PatrolPlans.FindInScopeAsync(p => p.Id == id, GridScope.Of(caller), p => p.GridCode, cancellationToken);
        if (plan is null)
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
        ClaimsPrincipal caller, SafetyDbContext db, [AsParameters] PatrolFilter filter, Guid? cursor, int? limit, CancellationToken cancellationToken)
    {
        var query = filter.Apply(GridScope.Of(caller).Filter(db.Patrols.AsNoTracking(), p => p.GridCode));
        return TypedResults.Ok(await query.ToPageAsync(p => p.Id, cursor, limit, PatrolResponse.From, cancellationToken));
    }

    public static async Task<Ok<PatrolQuotaReport>> GetQuotas(
        ClaimsPrincipal caller, SafetyDbContext db, TimeProvider time, [AsParameters] PatrolQuotaFilter filter, CancellationToken cancellationToken)
    {
        var today = CommunityTime.Today(time);
        var month = filter.MonthOr(today);
        var attainments = await PatrolQuotas.AttainmentsAsync(db, GridScope.Of(caller), filter.GridCode, month, today, cancellationToken);
        return TypedResults.Ok(new PatrolQuotaReport(month.ToString(), attainments));
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

/// <summary>The filter of the patrol-plan list.</summary>
public sealed class PatrolPlanFilter
{
    [FromQuery(Name = "gridCode")]
    public string? GridCode { get; init; }

    internal IQueryable<PatrolPlan> Apply(IQueryable<PatrolPlan> query)
    {
        query = query.WhereIf(!string.IsNullOrWhiteSpace(GridCode), p => p.GridCode == GridCode);

        return query;
    }
}

/// <summary>The filters of the patrol list; every one is optional and they combine.</summary>
public sealed class PatrolFilter
{
    [FromQuery(Name = "gridCode")]
    public string? GridCode { get; init; }

    [FromQuery(Name = "kind")]
    public string? Kind { get; init; }

    /// <summary>A month written yyyy-MM.</summary>
    [FromQuery(Name = "month")]
    public string? Month { get; init; }

    internal IQueryable<Patrol> Apply(IQueryable<Patrol> query)
    {
        var validation = new Validation();
        PatrolKind? kind = Kind is null ? null : validation.RequireOneOf(Kind, "kind", PatrolKinds.Labels);
        var month = Month is null ? null : PatrolMonth.Parse(Month);
        validation.Require(Month is null || month is not null, "month", ValidationFailure.Format("yyyy-MM", "must be a month written yyyy-MM."));
        validation.ThrowIfInvalid();

        query = query.WhereIf(!string.IsNullOrWhiteSpace(GridCode), p => p.GridCode == GridCode);
        query = query.WhereIf(kind is not null, p => p.Kind == kind);
        if (month is { } m)
        {
            var (start, end) = (CommunityTime.StartOf(m.First), CommunityTime.StartOf(m.Next.First));
            query = query.Where(p => p.PatrolledAt >= start && p.PatrolledAt < end);
        }

        return query;
    }
}

/// <summary>The filters of the quota attainment: which month, and optionally one grid.</summary>
public sealed class PatrolQuotaFilter
{
    /// <summary>A month written yyyy-MM (default this month).</summary>
    [FromQuery(Name = "month")]
    public string? Month { get; init; }

    [FromQuery(Name = "gridCode")]
    public string? GridCode { get; init; }

    internal PatrolMonth MonthOr(DateOnly today)
    {
        var month = Month is null ? PatrolMonth.Of(today) : PatrolMonth.Parse(Month);
        new Validation().Require(month is not null, "month", ValidationFailure.Format("yyyy-MM", "must be a month written yyyy-MM.")).ThrowIfInvalid();
        return month!.Value;
    }
}
