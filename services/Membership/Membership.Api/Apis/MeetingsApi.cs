using CommunityPlatform.Membership.Domain;
using CommunityPlatform.Membership.Extensions;
using CommunityPlatform.Membership.Infrastructure;
using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.ServiceKit.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityPlatform.Membership.Apis;

/// <summary>Organisational life (三会一课, 主题党日): schedules, attendance, minutes, cadences and calendars.</summary>
public static class MeetingsApi
{
    public static IEndpointRouteBuilder MapMeetingsApi(this IEndpointRouteBuilder app)
    {
        var meetings = app.MapGroup("/api/membership/meetings").WithTags("Meetings");

        meetings.MapPost("/", ScheduleMeeting)
            .WithSummary("Schedule one meeting")
            .RequireAuthorization(MembershipPolicies.ManageMembers);
        meetings.MapGet("/", ListMeetings)
            .WithSummary("Meetings by organisation, kind, status, series, scheduled day (from/to) and held day (heldFrom/heldTo: held meetings only), paged by cursor")
            .RequireAuthorization(MembershipPolicies.ReadMeetings);
        meetings.MapGet("/overdue", ListOverdue)
            .WithSummary("Per organisation, the cadence periods that ended without the required meeting (committee and theme day monthly, general meeting and lecture quarterly), judged in whole periods from the later of since (default: six months back) and the organisation's founding date")
            .RequireAuthorization(MembershipPolicies.ReadMeetings);
        meetings.MapGet("/{id:guid}", GetMeeting)
            .WithSummary("One meeting with its attendance")
            .RequireAuthorization(MembershipPolicies.ReadMeetings);
        meetings.MapGet("/{id:guid}/calendar", ExportMeeting)
            .WithSummary("The meeting as an iCalendar file (text/calendar)")
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar")
            .RequireAuthorization(MembershipPolicies.ReadMeetings);
        meetings.MapPost("/{id:guid}/record", RecordMeeting)
            .WithSummary("Record that the meeting was held: topic, minutes and each member's attendance; publishes MeetingHeld")
            .WithIdempotency<MembershipDbContext>()
            .RequireAuthorization(MembershipPolicies.ManageMembers);
        meetings.MapPost("/{id:guid}/attendance/{memberId:guid}/make-up", MakeUp)
            .WithSummary("Record that an absent member made the meeting up later (补学)")
            .RequireAuthorization(MembershipPolicies.ManageMembers);
        meetings.MapPost("/{id:guid}/cancel", CancelMeeting)
            .WithSummary("Cancel a scheduled meeting")
            .RequireAuthorization(MembershipPolicies.ManageMembers);

        var series = app.MapGroup("/api/membership/meeting-series").WithTags("Meetings");
        series.MapPost("/", ScheduleSeries)
            .WithSummary("Schedule a recurring series (weekly, monthly or quarterly); each occurrence becomes a meeting")
            .RequireAuthorization(MembershipPolicies.ManageMembers);
        series.MapGet("/{id:guid}/calendar", ExportSeries)
            .WithSummary("Every meeting of the series as one iCalendar file (text/calendar)")
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar")
            .RequireAuthorization(MembershipPolicies.ReadMeetings);

        return app;
    }

    public static async Task<Created<MeetingResponse>> ScheduleMeeting(
        ScheduleMeetingRequest request, MembershipDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var organisation = await db.RequireOrganisationAsync(request.OrganisationCode, "organisationCode", cancellationToken);
        var meeting = Meeting.Schedule(organisation, request.Kind, request.Title, request.StartsAt, request.EndsAt, request.Location, time.GetUtcNow());
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/membership/meetings/{meeting.Id}", MeetingResponse.From(meeting, NoNames));
    }

    public static async Task<Created<MeetingSeriesResponse>> ScheduleSeries(
        ScheduleSeriesRequest request, MembershipDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var organisation = await db.RequireOrganisationAsync(request.OrganisationCode, "organisationCode", cancellationToken);
        var (series, meetings) = MeetingSeries.Schedule(
            organisation, request.Kind, request.Title, request.FirstStartsAt, request.DurationMinutes, request.Frequency, request.Occurrences,
            request.Location, time.GetUtcNow());
        db.MeetingSeries.Add(series);
        db.Meetings.AddRange(meetings);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created(
            $"/api/membership/meetings?seriesId={series.Id}",
            new MeetingSeriesResponse(series.Id, series.OrganisationCode, series.Kind, series.Frequency, meetings.Select(m => MeetingResponse.From(m, NoNames)).ToList()));
    }

    public static async Task<Ok<Page<MeetingResponse>>> ListMeetings(
        MembershipDbContext db, [AsParameters] MeetingFilter filter, Guid? cursor, int? limit, CancellationToken cancellationToken)
    {
        // With attendance, so the list shows what an attendance rate over the same meetings counts.
        var query = filter.Apply(db.Meetings.AsNoTracking().Include(m => m.Attendance));
        return TypedResults.Ok(await query.ToPageAsync(m => m.Id, cursor, limit, m => MeetingResponse.From(m, NoNames), cancellationToken));
    }

    public static async Task<Results<Ok<MeetingResponse>, NotFound>> GetMeeting(Guid id, MembershipDbContext db, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Attendance).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(MeetingResponse.From(meeting, await NamesAsync(db, meeting, cancellationToken)));
    }

    public static async Task<Results<Ok<MeetingResponse>, NotFound>> RecordMeeting(
        Guid id, RecordMeetingRequest request, MembershipDbContext db, PointsLedger points, IOptions<PointsRules> rules, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.Include(m => m.Attendance).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null)
        {
            return TypedResults.NotFound();
        }

        var entries = (request.Attendance ?? []).Select((a, i) => new AttendanceEntry(
            a.MemberId ?? throw DomainValidationException.For($"attendance[{i}].memberId", ValidationFailure.Required()),
            ParseStatus(a.Status, i),
            a.Reason)).ToList();
        var members = await db.RequireMembersAsync(entries.Select(e => e.MemberId).Distinct().ToList(), "attendance", cancellationToken);
        if (members.FirstOrDefault(m => !m.IsActive) is { } inactive)
        {
            throw DomainValidationException.For("attendance", ValidationFailure.Of(ValidationCodes.NotAllowed, $"member {inactive.Id} is no longer active ({inactive.Status})."));
        }

        meeting.RecordHeld(request.HeldOn, request.Topic, request.Minutes, entries, time.GetUtcNow());
        foreach (var present in meeting.Attendance.Where(a => a.Status == AttendanceStatus.Present))
        {
            await points.AwardAsync(present.MemberId, rules.Value.PerAttendance, PointsReason.Attendance, $"meeting:{meeting.Id}", cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(MeetingResponse.From(meeting, await NamesAsync(db, meeting, cancellationToken)));
    }

    public static async Task<Results<Ok<MeetingResponse>, NotFound>> MakeUp(
        Guid id, Guid memberId, MakeUpRequest request, MembershipDbContext db, PointsLedger points, IOptions<PointsRules> rules, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.Include(m => m.Attendance).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null)
        {
            return TypedResults.NotFound();
        }

        meeting.MakeUp(memberId, request.MadeUpOn, request.Note, time.GetUtcNow());
        await points.AwardAsync(memberId, rules.Value.PerAttendance, PointsReason.Attendance, $"meeting:{meeting.Id}", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(MeetingResponse.From(meeting, await NamesAsync(db, meeting, cancellationToken)));
    }

    public static async Task<Results<Ok<MeetingResponse>, NotFound>> CancelMeeting(
        Guid id, CancelMeetingRequest request, MembershipDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null)
        {
            return TypedResults.NotFound();
        }

        meeting.Cancel(request.Reason, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(MeetingResponse.From(meeting, NoNames));
    }

    public static async Task<Results<ContentHttpResult, NotFound>> ExportMeeting(Guid id, MembershipDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        return meeting is null
            ? TypedResults.NotFound()
            : TypedResults.Text(ICalendar.Write([meeting], meeting.Title, time.GetUtcNow()), ICalendar.ContentType);
    }

    public static async Task<Results<ContentHttpResult, NotFound>> ExportSeries(Guid id, MembershipDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var series = await db.MeetingSeries.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (series is null)
        {
            return TypedResults.NotFound();
        }

        var meetings = await db.Meetings.AsNoTracking().Where(m => m.SeriesId == id).OrderBy(m => m.StartsAt).ToListAsync(cancellationToken);
        return TypedResults.Text(ICalendar.Write(meetings, series.Title, time.GetUtcNow()), ICalendar.ContentType);
    }

    public static async Task<Ok<List<OverdueCadenceResponse>>> ListOverdue(
        MembershipDbContext db, TimeProvider time, [AsParameters] CadenceFilter filter, CancellationToken cancellationToken)
    {
        var today = CommunityTime.Today(time);
        var from = filter.SinceOr(today);
        var organisations = await filter.Apply(db.Organisations.AsNoTracking()).OrderBy(o => o.Code).ToListAsync(cancellationToken);
        var held = await db.Meetings.AsNoTracking()
            .Where(m => m.Status == MeetingStatus.Held && m.HeldOn >= from)
            .Select(m => new { m.OrganisationCode, m.Kind, HeldOn = m.HeldOn!.Value })
            .ToListAsync(cancellationToken);
        var lastHeld = await db.Meetings.AsNoTracking()
            .Where(m => m.Status == MeetingStatus.Held)
            .GroupBy(m => new { m.OrganisationCode, m.Kind })
            .Select(g => new { g.Key.OrganisationCode, g.Key.Kind, Last = g.Max(m => m.HeldOn) })
            .ToListAsync(cancellationToken);

        var overdue = new List<OverdueCadenceResponse>();
        foreach (var organisation in organisations.Where(o => Cadence.Applies(o.Kind)))
        {
            foreach (var cadence in Cadence.Rules)
            {
                var dates = held.Where(h => h.OrganisationCode == organisation.Code && h.Kind == cadence.Kind).Select(h => h.HeldOn);
                var missed = organisation.MissedPeriods(cadence, dates, from, today);
                if (missed.Count > 0)
                {
                    overdue.Add(new OverdueCadenceResponse(
                        organisation.Code, organisation.Name, cadence.Kind, MeetingKindLabels.All[cadence.Kind], cadence.Period,
                        missed.Select(w => w.Label).ToList(),
                        lastHeld.SingleOrDefault(l => l.OrganisationCode == organisation.Code && l.Kind == cadence.Kind)?.Last,
                        cadence.Current(today).End,
                        organisation.CadenceJudgedFrom(from)));
                }
            }
        }

        return TypedResults.Ok(overdue);
    }

    private static readonly Dictionary<Guid, string> NoNames = [];

    private static async Task<Dictionary<Guid, string>> NamesAsync(MembershipDbContext db, Meeting meeting, CancellationToken cancellationToken)
    {
        var ids = meeting.Attendance.Select(a => a.MemberId).ToList();
        return await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
    }

    /// <summary>What taking attendance records; a make-up (已补学) is recorded by its own step later.</summary>
    private static readonly IReadOnlyDictionary<AttendanceStatus, string> RecordedAttendance =
        AttendanceStatusLabels.All.Where(s => s.Key != AttendanceStatus.MadeUp).ToDictionary();

    private static AttendanceStatus ParseStatus(string? status, int index)
    {
        var validation = new Validation();
        var parsed = validation.RequireOneOf(status, $"attendance[{index}].status", RecordedAttendance);
        validation.ThrowIfInvalid();
        return parsed!.Value;
    }

}

public sealed record ScheduleMeetingRequest(
    string? OrganisationCode, string? Kind, string? Title, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Location = null);

public sealed record ScheduleSeriesRequest(
    string? OrganisationCode,
    string? Kind,
    string? Title,
    DateTimeOffset? FirstStartsAt,
    int? DurationMinutes,
    string? Frequency,
    int? Occurrences,
    string? Location = null);

public sealed record AttendanceRequest(Guid? MemberId, string? Status, string? Reason = null);

public sealed record RecordMeetingRequest(string? Topic, IReadOnlyList<AttendanceRequest>? Attendance, string? Minutes = null, DateOnly? HeldOn = null);

public sealed record MakeUpRequest(DateOnly? MadeUpOn, string? Note = null);

public sealed record CancelMeetingRequest(string? Reason);

public sealed record AttendanceResponse(Guid MemberId, string? MemberName, AttendanceStatus Status, string? Reason, DateOnly? MadeUpOn, string? MakeUpNote);

public sealed record MeetingResponse(
    Guid Id,
    string OrganisationCode,
    MeetingKind Kind,
    string KindLabel,
    string Title,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string? Location,
    Guid? SeriesId,
    MeetingStatus Status,
    DateOnly? HeldOn,
    string? Topic,
    string? Minutes,
    string? CancellationReason,
    IReadOnlyList<AttendanceResponse> Attendance)
{
    public static MeetingResponse From(Meeting m, IReadOnlyDictionary<Guid, string> names) => new(
        m.Id, m.OrganisationCode, m.Kind, MeetingKindLabels.All[m.Kind], m.Title, m.StartsAt, m.EndsAt, m.Location, m.SeriesId, m.Status,
        m.HeldOn, m.Topic, m.Minutes, m.CancellationReason,
        m.Attendance.Select(a => new AttendanceResponse(a.MemberId, names.GetValueOrDefault(a.MemberId), a.Status, a.Reason, a.MadeUpOn, a.MakeUpNote)).ToList());
}

public sealed record MeetingSeriesResponse(Guid Id, string OrganisationCode, MeetingKind Kind, Recurrence Frequency, IReadOnlyList<MeetingResponse> Meetings);

public sealed record OverdueCadenceResponse(
    string OrganisationCode,
    string OrganisationName,
    MeetingKind Kind,
    string KindLabel,
    CadencePeriod Period,
    IReadOnlyList<string> MissedPeriods,
    DateOnly? LastHeldOn,
    DateOnly CurrentPeriodEndsOn,
    DateOnly JudgedFrom);

/// <summary>The filters of the meeting list; every one is optional and they combine.</summary>
public sealed class MeetingFilter
{
    [FromQuery(Name = "organisationCode")]
    public string? OrganisationCode { get; init; }

    [FromQuery(Name = "kind")]
    public string? Kind { get; init; }

    [FromQuery(Name = "status")]
    public string? Status { get; init; }

    [FromQuery(Name = "seriesId")]
    public Guid? SeriesId { get; init; }

    /// <summary>The meetings scheduled to start on one of these days.</summary>
    [FromQuery(Name = "from")]
    public DateOnly? From { get; init; }

    [FromQuery(Name = "to")]
    public DateOnly? To { get; init; }

    /// <summary>The meetings held on one of these days.</summary>
    [FromQuery(Name = "heldFrom")]
    public DateOnly? HeldFrom { get; init; }

    [FromQuery(Name = "heldTo")]
    public DateOnly? HeldTo { get; init; }

    internal IQueryable<Meeting> Apply(IQueryable<Meeting> query)
    {
        var validation = new Validation();
        var kind = Kind is null ? null : validation.RequireOneOf(Kind, "kind", MeetingKindLabels.All);
        var status = Status is null ? null : validation.RequireOneOf(Status, "status", MeetingStatusLabels.All);
        validation.Require(From is null || To is null || From <= To, "to", ValidationFailure.NotBefore("from"));
        var held = DayRange.Of(HeldFrom, HeldTo, "heldFrom", "heldTo", validation);
        validation.ThrowIfInvalid();

        if (!held.IsOpen)
        {
            query = Meeting.HeldWithin(query, held);
        }

        query = query.WhereIf(!string.IsNullOrWhiteSpace(OrganisationCode), m => m.OrganisationCode == OrganisationCode);
        query = query.WhereIf(kind is not null, m => m.Kind == kind);
        query = query.WhereIf(status is not null, m => m.Status == status);
        query = query.WhereIf(SeriesId is not null, m => m.SeriesId == SeriesId);
        if (From is { } start)
        {
            var since = CommunityTime.StartOf(start);
            query = query.Where(m => m.StartsAt >= since);
        }

        if (To is { } end)
        {
            var until = CommunityTime.StartOf(end.AddDays(1));
            query = query.Where(m => m.StartsAt < until);
        }

        return query;
    }
}

/// <summary>The filters of the overdue cadences: which organisations, and since when meetings count.</summary>
public sealed class CadenceFilter
{
    /// <summary>The first day meetings count from (default the first of the month six months ago).</summary>
    [FromQuery(Name = "since")]
    public DateOnly? Since { get; init; }

    [FromQuery(Name = "organisationCode")]
    public string? OrganisationCode { get; init; }

    internal DateOnly SinceOr(DateOnly today) => Since ?? new DateOnly(today.Year, today.Month, 1).AddMonths(-6);

    internal IQueryable<Organisation> Apply(IQueryable<Organisation> organisations)
    {
        organisations = organisations.WhereIf(OrganisationCode is not null, o => o.Code == OrganisationCode);

        return organisations;
    }
}
