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

namespace CommunityPlatform.Safety.Apis;

/// <summary>Ad-hoc inspection tasks raised by residents' safety matters: list them, answer one with an inspection or close it with a note.</summary>
public static class InspectionTasksApi
{
    public static IEndpointRouteBuilder MapInspectionTasksApi(this IEndpointRouteBuilder app)
    {
        var tasks = app.MapGroup("/api/safety/inspection-tasks").WithTags("Inspection tasks");
        tasks.MapGet("/", ListTasks).WithSummary("Tasks by grid and status (Open / Done); paged by cursor").RequireAuthorization(SafetyPolicies.ReadInspections);
        tasks.MapGet("/{id:guid}", GetTask).WithSummary("One task").RequireAuthorization(SafetyPolicies.ReadInspections);
        tasks.MapPost("/{id:guid}/close", CloseTask)
            .WithSummary("Close a task without an inspection, saying what was found (e.g. 现场核实无隐患)")
            .RequireAuthorization(SafetyPolicies.Inspect);
        return app;
    }

    public static async Task<Ok<Page<InspectionTask>>> ListTasks(
        ClaimsPrincipal caller, SafetyDbContext db, [AsParameters] InspectionTaskFilter filter, Guid? cursor, int? limit, CancellationToken cancellationToken)
    {
        var query = filter.Apply(GridScope.Of(caller).Filter(db.InspectionTasks.AsNoTracking(), t => t.GridCode));
        return TypedResults.Ok(await query.ToPageAsync(t => t.Id, cursor, limit, t => t, cancellationToken));
    }

    public static async Task<Results<Ok<InspectionTask>, NotFound>> GetTask(Guid id, ClaimsPrincipal caller, SafetyDbContext db, CancellationToken cancellationToken)
    {
        var task = await db.InspectionTasks.AsNoTracking().FindInScopeAsync(t => t.Id == id, GridScope.Of(caller), t => t.GridCode, cancellationToken);
        return task is null ? TypedResults.NotFound() : TypedResults.Ok(task);
    }

    public static async Task<Results<Ok<InspectionTask>, NotFound>> CloseTask(
        Guid id, CloseTaskRequest request, ClaimsPrincipal caller, SafetyDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var task = await db.InspectionTasks.FindInScopeAsync(t => t.Id == id, GridScope.Of(caller), t => t.GridCode, cancellationToken);
        if (task is null)
        {
            return TypedResults.NotFound();
        }

        task.Close(request.Outcome, caller.Id(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(task);
    }
}

public sealed record CloseTaskRequest(string? Outcome);

/// <summary>The filters of the inspection-task list; both are optional and they combine.</summary>
public sealed class InspectionTaskFilter
{
    [FromQuery(Name = "gridCode")]
    public string? GridCode { get; init; }

    [FromQuery(Name = "status")]
    public string? Status { get; init; }

    internal IQueryable<InspectionTask> Apply(IQueryable<InspectionTask> query)
    {
        var validation = new Validation();
        InspectionTaskStatus? status = Status is null ? null : validation.RequireOneOf(Status, "status", InspectionTaskStatuses.Labels);
        validation.ThrowIfInvalid();

        query = query.WhereIf(!string.IsNullOrWhiteSpace(GridCode), t => t.GridCode == GridCode);
        query = query.WhereIf(status is not null, t => t.Status == status);

        return query;
    }
}
