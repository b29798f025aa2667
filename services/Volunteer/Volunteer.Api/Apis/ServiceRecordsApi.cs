using System.Security.Claims;
using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.ServiceKit.Web;
using CommunityPlatform.Volunteer.Domain;
using CommunityPlatform.Volunteer.Extensions;
using CommunityPlatform.Volunteer.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.Volunteer.Apis;

/// <summary>
/// Service-hour records (志愿服务记录) made when an activity is completed: the organiser approves them as computed or
/// adjusts them with a reason; approval credits the hours once (VolunteerHoursCredited, through the outbox).
/// </summary>
public static class ServiceRecordsApi
{
    public static IEndpointRouteBuilder MapServiceRecordsApi(this IEndpointRouteBuilder app)
    {
        var records = app.MapGroup("/api/volunteer/service-records").WithTags("Service hours");

        records.MapGet("/", ListServiceRecords)
            .WithName("ListServiceRecords")
            .WithSummary("Service-hour records by activity, volunteer, status (Pending, Approved) and the day served (servedFrom/servedTo), each with its hours; paged by cursor")
            .RequireAuthorization(VolunteerPolicies.ReadVolunteers);
        records.MapPost("/{id:guid}/approve", Approve)
            .WithName("ApproveServiceHours")
            .WithSummary("Approve the hours as computed; publishes VolunteerHoursCredited once (none for a record of 0 hours)")
            .RequireAuthorization(VolunteerPolicies.ApproveHours);
        records.MapPost("/{id:guid}/adjust", Adjust)
            .WithName("AdjustServiceHours")
            .WithSummary("Approve different hours than computed, with a mandatory reason; publishes VolunteerHoursCredited once")
            .RequireAuthorization(VolunteerPolicies.ApproveHours);

        return app;
    }

    public static async Task<Ok<Page<ServiceRecordResponse>>> ListServiceRecords(
        ClaimsPrincipal caller, VolunteerDbContext db, [AsParameters] ServiceRecordFilter filter, Guid? cursor, int? limit, CancellationToken cancellationToken)
    {
        var records = filter.Apply(Visible(db.ServiceRecords.AsNoTracking(), caller, db));
        return TypedResults.Ok(await records.ToPageAsync(r => r.Id, cursor, limit, ServiceRecordResponse.From, cancellationToken));
    }

    public static Task<Results<Ok<ServiceRecordResponse>, NotFound>> Approve(
        Guid id, ClaimsPrincipal caller, VolunteerDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        CreditAsync(id, caller, db, (record, volunteer) => record.Approve(volunteer, caller.Actor(), time.GetUtcNow()), cancellationToken);

    public static Task<Results<Ok<ServiceRecordResponse>, NotFound>> Adjust(
        Guid id, AdjustHoursRequest request, ClaimsPrincipal caller, VolunteerDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        CreditAsync(id, caller, db, (record, volunteer) => record.Adjust(request.Hours, request.Reason, volunteer, caller.Actor(), time.GetUtcNow()), cancellationToken);

    /// <summary>Records of activities in the caller's grids.</summary>
    private static IQueryable<ServiceRecord> Visible(IQueryable<ServiceRecord> records, ClaimsPrincipal caller, VolunteerDbContext db)
    {
        var activities = GridScope.Of(caller).Filter(db.Activities, a => a.GridCode).Select(a => a.Id);
        return records.Where(r => activities.Contains(r.ActivityId));
    }

    private static async Task<Results<Ok<ServiceRecordResponse>, NotFound>> CreditAsync(
        Guid id, ClaimsPrincipal caller, VolunteerDbContext db, Action<ServiceRecord, VolunteerProfile> credit,
        CancellationToken cancellationToken)
    {
        var record = await Visible(db.ServiceRecords, caller, db).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (record is null)
        {
            return TypedResults.NotFound();
        }

        var volunteer = await db.Volunteers.SingleAsync(v => v.Id == record.VolunteerId, cancellationToken);
        credit(record, volunteer);

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ServiceRecordResponse.From(record));
    }
}

public sealed record AdjustHoursRequest(decimal? Hours, string? Reason);

public sealed record ServiceRecordResponse(
    Guid Id, Guid ActivityId, Guid VolunteerId, DateOnly ServedOn, DateTimeOffset CheckedInAt, DateTimeOffset CheckedOutAt, int PresentMinutes,
    decimal PresenceShare, decimal ComputedHours, decimal Hours, ServiceRecordStatus Status, string RecordedBy, string RecordedById, DateTimeOffset RecordedAt,
    string? ApprovedBy, string? ApprovedById, DateTimeOffset? ApprovedAt, string? AdjustmentReason)
{
    public static ServiceRecordResponse From(ServiceRecord r) => new(
        r.Id, r.ActivityId, r.VolunteerId, r.ServedOn, r.CheckedInAt, r.CheckedOutAt, r.PresentMinutes, r.PresenceShare, r.ComputedHours, r.Hours,
        r.Status, r.RecordedByName ?? Actor.UnknownName, r.RecordedBy, r.RecordedAt,
        r.ApprovedBy is null ? null : r.ApprovedByName ?? Actor.UnknownName, r.ApprovedBy, r.ApprovedAt, r.AdjustmentReason);
}

/// <summary>The filters of the service-record list; every one is optional and they combine.</summary>
public sealed class ServiceRecordFilter
{
    [FromQuery(Name = "activityId")]
    public Guid? ActivityId { get; init; }

    [FromQuery(Name = "volunteerId")]
    public Guid? VolunteerId { get; init; }

    [FromQuery(Name = "status")]
    public string? Status { get; init; }

    [FromQuery(Name = "servedFrom")]
    public DateOnly? ServedFrom { get; init; }

    [FromQuery(Name = "servedTo")]
    public DateOnly? ServedTo { get; init; }

    internal IQueryable<ServiceRecord> Apply(IQueryable<ServiceRecord> records)
    {
        var validation = new Validation();
        var status = Status is null ? null : validation.RequireOneOf(Status, "status", ServiceRecordStatuses.All);
        var served = DayRange.Of(ServedFrom, ServedTo, "servedFrom", "servedTo", validation);
        validation.ThrowIfInvalid();

        records = ServiceRecord.ServedWithin(records, served);
        records = records.WhereIf(ActivityId is not null, r => r.ActivityId == ActivityId);
        records = records.WhereIf(VolunteerId is not null, r => r.VolunteerId == VolunteerId);
        records = records.WhereIf(status is not null, r => r.Status == status);

        return records;
    }
}
