using CommunityPlatform.Membership.Domain;
using CommunityPlatform.Membership.Extensions;
using CommunityPlatform.Membership.Infrastructure;
using CommunityPlatform.ServiceKit.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using CommunityPlatform.ServiceKit.Web;

namespace CommunityPlatform.Membership.Apis;

/// <summary>Rectification lists (整改清单): findings handed down, owned, worked on and completed with evidence.</summary>
public static class RectificationsApi
{
    public static IEndpointRouteBuilder MapRectificationsApi(this IEndpointRouteBuilder app)
    {
        var items = app.MapGroup("/api/membership/rectifications").WithTags("Rectification lists");

        items.MapPost("/", RecordItem)
            .WithSummary("Record a finding to rectify, with category, owner, deadline and measures")
            .RequireAuthorization(MembershipPolicies.ManageMembers);
        items.MapGet("/", ListItems)
            .WithSummary("Items by source, category and status; overdue=true lists those past their deadline and not completed, completedLate=true those completed after it")
            .RequireAuthorization(MembershipPolicies.ReadMembers);
        items.MapGet("/{id:guid}", GetItem)
            .WithSummary("One item")
            .RequireAuthorization(MembershipPolicies.ReadMembers);
        items.MapPost("/{id:guid}/progress", ReportProgress)
            .WithSummary("Record work under way (整改中)")
            .RequireAuthorization(MembershipPolicies.ManageMembers);
        items.MapPost("/{id:guid}/completion", Complete)
            .WithSummary("Complete the item with evidence (整改完成)")
            .RequireAuthorization(MembershipPolicies.ManageMembers);

        return app;
    }

    public static async Task<Created<RectificationItemResponse>> RecordItem(
        RecordRectificationRequest request, MembershipDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var item = RectificationItem.Record(request.Source, request.Category, request.Finding, request.Owner, request.Deadline, request.Measures, time.GetUtcNow());
        db.RectificationItems.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/membership/rectifications/{item.Id}", RectificationItemResponse.From(item, Today(time)));
    }

    public static async Task<Ok<List<RectificationItemResponse>>> ListItems(
        MembershipDbContext db, TimeProvider time, [AsParameters] RectificationItemFilter filter, CancellationToken cancellationToken)
    {
        var today = Today(time);
        var items = await filter.Apply(db.RectificationItems.AsNoTracking(), today).OrderBy(i => i.Deadline).ThenBy(i => i.Id).Take(1000).ToListAsync(cancellationToken);
        return TypedResults.Ok(items.Select(i => RectificationItemResponse.From(i, today)).ToList());
    }

    public static async Task<Results<Ok<RectificationItemResponse>, NotFound>> GetItem(Guid id, MembershipDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var item = await db.RectificationItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        return item is null ? TypedResults.NotFound() : TypedResults.Ok(RectificationItemResponse.From(item, Today(time)));
    }

    public static Task<Results<Ok<RectificationItemResponse>, NotFound>> ReportProgress(
        Guid id, RectificationProgressRequest request, MembershipDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, db, time, item => item.ReportProgress(request.Progress), cancellationToken);

    public static Task<Results<Ok<RectificationItemResponse>, NotFound>> Complete(
        Guid id, CompleteRectificationRequest request, MembershipDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, db, time, item => item.Complete(request.CompletedOn, request.Progress, request.Evidence, time.GetUtcNow()), cancellationToken);

    private static async Task<Results<Ok<RectificationItemResponse>, NotFound>> ChangeAsync(
        Guid id, MembershipDbContext db, TimeProvider time, Action<RectificationItem> change, CancellationToken cancellationToken)
    {
        var item = await db.RectificationItems.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return TypedResults.NotFound();
        }

        change(item);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(RectificationItemResponse.From(item, Today(time)));
    }

    private static DateOnly Today(TimeProvider time) => CommunityTime.Today(time);
}

public sealed record RecordRectificationRequest(string? Source, string? Category, string? Finding, string? Owner, DateOnly? Deadline, string? Measures);

public sealed record RectificationProgressRequest(string? Progress);

public sealed record CompleteRectificationRequest(DateOnly? CompletedOn, IReadOnlyList<string>? Evidence, string? Progress = null);

public sealed record RectificationItemResponse(
    Guid Id, string Source, string Category, string Finding, string Owner, DateOnly Deadline, string Measures,
    RectificationStatus Status, string? Progress, DateOnly? CompletedOn, IReadOnlyList<string> Evidence, bool Overdue, bool CompletedLate)
{
    public static RectificationItemResponse From(RectificationItem i, DateOnly today) => new(
        i.Id, i.Source, i.Category, i.Finding, i.Owner, i.Deadline, i.Measures, i.Status, i.Progress, i.CompletedOn, i.Evidence, i.IsOverdue(today), i.CompletedLate);
}

/// <summary>The filters of the rectification items; every one is optional and they combine.</summary>
public sealed class RectificationItemFilter
{
    [FromQuery(Name = "source")]
    public string? Source { get; init; }

    [FromQuery(Name = "category")]
    public string? Category { get; init; }

    [FromQuery(Name = "status")]
    public string? Status { get; init; }

    /// <summary>True for the items past their deadline and not completed (<see cref="RectificationItem.Overdue"/>).</summary>
    [FromQuery(Name = "overdue")]
    public bool? Overdue { get; init; }

    /// <summary>True for the items completed after their deadline.</summary>
    [FromQuery(Name = "completedLate")]
    public bool? CompletedLate { get; init; }

    internal IQueryable<RectificationItem> Apply(IQueryable<RectificationItem> query, DateOnly today)
    {
        var validation = new Validation();
        var status = Status is null ? null : validation.RequireOneOf(Status, "status", RectificationStatuses.Labels);
        validation.ThrowIfInvalid();

        query = query.WhereIf(Source is not null, i => i.Source == Source);
        query = query.WhereIf(Category is not null, i => i.Category == Category);
        query = query.WhereIf(status is not null, i => i.Status == status);
        if (Overdue == true)
        {
            query = query.Where(RectificationItem.Overdue.On(today));
        }

        if (CompletedLate == true)
        {
            query = query.Where(RectificationItem.WasCompletedLate);
        }

        return query;
    }
}
