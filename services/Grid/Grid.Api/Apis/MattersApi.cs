using System.Security.Claims;
using CommunityPlatform.Grid.Domain;
using CommunityPlatform.Grid.Extensions;
using CommunityPlatform.Grid.Infrastructure;
using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.ServiceKit.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityPlatform.Grid.Apis;

/// <summary>
/// The 三事 loop: report, sign for or return, deliberate (sessions and building votes), assign, resolve, close.
/// Grid workers act within their grids; a resident sees only the matters they reported.
/// </summary>
public static class MattersApi
{
    public static IEndpointRouteBuilder MapMattersApi(this IEndpointRouteBuilder app)
    {
        var matters = app.MapGroup("/api/grid/matters").WithTags("Matters");

        matters.MapPost("/", ReportMatter)
            .WithSummary("Report a matter (问事); publishes MatterReported. A retry with the same Idempotency-Key gets the first answer.")
            .WithIdempotency<GridDbContext>()
            .RequireAuthorization(GridPolicies.ReportMatters);
        matters.MapGet("/", ListMatters)
            .WithSummary("Matters by grid, status, category; by the day reported (reportedFrom/reportedTo), resolved (resolvedFrom/resolvedTo) or deliberated, a session held (deliberatedFrom/deliberatedTo); resolved=true/false (at any time); overdue=true for those past due; escalated=true for the 督办 board; paged by cursor")
            .RequireAuthorization(GridPolicies.ReadMatters);
        matters.MapGet("/{id:guid}", GetMatter).WithSummary("One matter with its timeline, sessions and votes").RequireAuthorization(GridPolicies.ReadMatters);
        matters.MapPost("/{id:guid}/accept", Accept).WithSummary("Sign for the matter (签收); it is due after its category's days").RequireAuthorization(GridPolicies.HandleMatters);
        matters.MapPost("/{id:guid}/return", Return).WithSummary("Return the matter (退单) with a reason").RequireAuthorization(GridPolicies.HandleMatters);
        matters.MapPost("/{id:guid}/deliberation", StartDeliberation).WithSummary("Send the matter to deliberation (议事)").RequireAuthorization(GridPolicies.HandleMatters);
        matters.MapPost("/{id:guid}/sessions", RecordSession)
            .WithSummary("Record a deliberation session: venue, participants, minutes, decision")
            .RequireAuthorization(GridPolicies.HandleMatters);
        matters.MapPost("/{id:guid}/votes", OpenVote)
            .WithSummary("Open a building vote: every household of the building is eligible; the consent threshold defaults to the configured share")
            .RequireAuthorization(GridPolicies.HandleMatters);
        matters.MapPost("/{id:guid}/votes/{voteId:guid}/ballots", CastBallot).WithSummary("Record one household's vote").RequireAuthorization(GridPolicies.HandleMatters);
        matters.MapPost("/{id:guid}/votes/{voteId:guid}/close", CloseVote).WithSummary("Close the vote and decide it against its threshold").RequireAuthorization(GridPolicies.HandleMatters);
        matters.MapPost("/{id:guid}/assign", Assign).WithSummary("Assign to a handler with a due date (办事)").RequireAuthorization(GridPolicies.HandleMatters);
        matters.MapPost("/{id:guid}/resolve", Resolve).WithSummary("Record the resolution (办结); publishes MatterResolved").RequireAuthorization(GridPolicies.HandleMatters);
        matters.MapPost("/{id:guid}/close", Close)
            .WithSummary("回访: record the satisfaction 1–5 the reporter gave at the return visit; 3 or more closes (销号), less sends it back to be handled again. A matter a resident reported from their own account is rated by them (rating), not here")
            .RequireAuthorization(GridPolicies.HandleMatters);
        matters.MapPost("/{id:guid}/rating", Rate)
            .WithSummary("The resident who reported the matter rates its resolution 1–5 (评价): 3 or more closes it, less sends it back to be handled again and raises it on the 督办 board; unrated, it closes after the rating window")
            .RequireAuthorization(GridPolicies.ReportMatters);
        matters.MapPost("/{id:guid}/escalate", Escalate).WithSummary("Raise the matter on the 督办 board with a reason").RequireAuthorization(GridPolicies.HandleMatters);

        app.MapGet("/api/grid/deliberation-sessions", ListSessions)
            .WithTags("Matters")
            .WithSummary("Deliberation sessions held between from and to (by the day held), optionally at one venue, with the matter, participant count and decision; paged by cursor")
            .RequireAuthorization(GridPolicies.ReadMatters);

        return app;
    }

    public static async Task<Created<MatterResponse>> ReportMatter(
        ReportMatterRequest request, ClaimsPrincipal caller, GridDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var scope = GridScope.Of(caller);
        var gridCode = await db.RequireGridAsync(request.GridCode, scope, cancellationToken);
        // A resident reports as themselves, whatever the body says, and rates the matter themselves.
        var resident = caller.IsInRole(CommunityRoles.Resident) && !scope.IsCommunityWide;
        var matter = Matter.Report(
            gridCode, request.Category, request.Location, request.Description,
            resident ? nameof(ReporterKind.Resident) : request.ReporterKind,
            resident ? caller.FindFirst("name")?.Value ?? request.ReporterName : request.ReporterName,
            request.ReporterResidentId, request.Photos, caller.Actor(), reporterRates: resident && !caller.IsInRole(CommunityRoles.GridWorker), time.GetUtcNow());
        db.Matters.Add(matter);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/grid/matters/{matter.Id}", MatterResponse.From(matter, CommunityTime.Today(time)));
    }

    public static async Task<Ok<Page<MatterResponse>>> ListMatters(
        ClaimsPrincipal caller, GridDbContext db, TimeProvider time, [AsParameters] MatterFilter filter, Guid? cursor, int? limit, CancellationToken cancellationToken)
    {
        var today = CommunityTime.Today(time);
        var matters = filter.Apply(Visible(db.Matters.AsNoTracking(), caller), db.DeliberationSessions, today);
        return TypedResults.Ok(await matters.ToPageAsync(m => m.Id, cursor, limit, m => MatterResponse.From(m, today), cancellationToken));
    }

    public static async Task<Ok<Page<SessionListItem>>> ListSessions(
        ClaimsPrincipal caller, GridDbContext db, [AsParameters] SessionFilter filter, Guid? cursor, int? limit, CancellationToken cancellationToken)
    {
        var visible = Visible(db.Matters, caller).Select(m => m.Id);
        var sessions = filter.Apply(db.DeliberationSessions.AsNoTracking()).Where(s => visible.Contains(s.MatterId));
        return TypedResults.Ok(await sessions.ToPageAsync(s => s.Id, cursor, limit, SessionListItem.From, cancellationToken));
    }

    public static async Task<Results<Ok<MatterDetailResponse>, NotFound>> GetMatter(
        Guid id, ClaimsPrincipal caller, GridDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var matter = await Visible(db.Matters.AsNoTracking().Include(m => m.Timeline), caller).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (matter is null)
        {
            return TypedResults.NotFound();
        }

        var sessions = await db.DeliberationSessions.AsNoTracking().Where(s => s.MatterId == id).OrderBy(s => s.HeldOn).ToListAsync(cancellationToken);
        var votes = await db.BuildingVotes.AsNoTracking().Include(v => v.Ballots).Where(v => v.MatterId == id).OrderBy(v => v.OpenedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(MatterDetailResponse.From(matter, sessions, votes, CommunityTime.Today(time)));
    }

    public static Task<Results<Ok<MatterResponse>, NotFound>> Accept(
        Guid id, AcceptMatterRequest request, ClaimsPrincipal caller, GridDbContext db, IOptions<GridOptions> options, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, caller, db, time, matter =>
            matter.Accept(CommunityTime.Today(time).AddDays(options.Value.DueDays(matter.Category)), request.Note, caller.Actor(), time.GetUtcNow()), cancellationToken);

    public static Task<Results<Ok<MatterResponse>, NotFound>> Return(
        Guid id, ReturnMatterRequest request, ClaimsPrincipal caller, GridDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, caller, db, time, matter => matter.Return(request.Reason, caller.Actor(), time.GetUtcNow()), cancellationToken);

    public static Task<Results<Ok<MatterResponse>, NotFound>> StartDeliberation(
        Guid id, DeliberationRequest request, ClaimsPrincipal caller, GridDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, caller, db, time, matter => matter.StartDeliberation(request.Note, caller.Actor(), time.GetUtcNow()), cancellationToken);

    public static Task<Results<Ok<MatterResponse>, NotFound>> RecordSession(
        Guid id, RecordSessionRequest request, ClaimsPrincipal caller, GridDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, caller, db, time, matter =>
        {
            var session = DeliberationSession.Record(matter, request.Venue, request.HeldOn, request.Participants, request.Minutes, request.Decision, time.GetUtcNow());
            matter.NoteSession(session, caller.Actor(), time.GetUtcNow());
            db.DeliberationSessions.Add(session);
        }, cancellationToken);

    public static async Task<Results<Created<BuildingVoteResponse>, NotFound>> OpenVote(
        Guid id, OpenVoteRequest request, ClaimsPrincipal caller, GridDbContext db, IOptions<GridOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var matter = await Visible(db.Matters, caller).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (matter is null)
        {
            return TypedResults.NotFound();
        }

        var building = request.BuildingId is { } buildingId
            ? await db.Buildings.SingleOrDefaultAsync(b => b.Id == buildingId && b.GridCode == matter.GridCode, cancellationToken)
            : null;
        if (building is null)
        {
            throw DomainValidationException.For("buildingId", ValidationFailure.NotFound("names no building in the matter's grid."));
        }

        if (matter.Status != MatterStatus.Deliberating)
        {
            throw new DomainRuleViolationException("matter.transition", "A building vote is held while the matter is in deliberation; send it to deliberation first.");
        }

        var households = await db.Households.Where(h => h.BuildingId == building.Id).Select(h => h.Id).ToListAsync(cancellationToken);
        var vote = BuildingVote.Open(matter, building, households, request.Question, request.ConsentThreshold, options.Value.BuildingVoteThreshold, time.GetUtcNow());
        db.BuildingVotes.Add(vote);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/grid/matters/{id}", BuildingVoteResponse.From(vote));
    }

    public static Task<Results<Ok<BuildingVoteResponse>, NotFound>> CastBallot(
        Guid id, Guid voteId, CastBallotRequest request, ClaimsPrincipal caller, GridDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        VoteAsync(id, voteId, caller, db, (_, vote) => vote.Cast(request.HouseholdId ?? Guid.Empty, request.Consent, time.GetUtcNow()), cancellationToken);

    public static Task<Results<Ok<BuildingVoteResponse>, NotFound>> CloseVote(
        Guid id, Guid voteId, ClaimsPrincipal caller, GridDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        VoteAsync(id, voteId, caller, db, (matter, vote) =>
        {
            vote.Close(time.GetUtcNow());
            matter.NoteVote(vote, caller.Actor(), time.GetUtcNow());
        }, cancellationToken);

    public static Task<Results<Ok<MatterResponse>, NotFound>> Assign(
        Guid id, AssignMatterRequest request, ClaimsPrincipal caller, GridDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, caller, db, time, matter => matter.Assign(request.Handler, request.HandlerMemberId, request.DueOn, caller.Actor(), time.GetUtcNow()), cancellationToken);

    public static Task<Results<Ok<MatterResponse>, NotFound>> Resolve(
        Guid id, ResolveMatterRequest request, ClaimsPrincipal caller, GridDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, caller, db, time, matter => matter.Resolve(request.Resolution, caller.Actor(), time.GetUtcNow()), cancellationToken);

    public static Task<Results<Ok<MatterResponse>, NotFound>> Close(
        Guid id, CloseMatterRequest request, ClaimsPrincipal caller, GridDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, caller, db, time, matter => matter.Close(request.Satisfaction, request.Note, caller.Actor(), time.GetUtcNow()), cancellationToken);

    public static Task<Results<Ok<MatterResponse>, NotFound, ForbidHttpResult>> Rate(
        Guid id, RateMatterRequest request, ClaimsPrincipal caller, GridDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, caller, db, time, matter => matter.IsRatedBy(caller.Id()),
            matter => matter.Rate(request.Satisfaction, request.Comment, caller.Actor(), time.GetUtcNow()), cancellationToken);

    public static Task<Results<Ok<MatterResponse>, NotFound>> Escalate(
        Guid id, EscalateMatterRequest request, ClaimsPrincipal caller, GridDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, caller, db, time, matter =>
        {
            new Validation().RequireText(request.Reason, "reason", 200).ThrowIfInvalid();
            matter.Escalate(request.Reason!.Trim(), caller.Actor(), time.GetUtcNow());
        }, cancellationToken);

    /// <summary>The matters the caller may see: a grid worker's grids; a resident's own reports.</summary>
    private static IQueryable<Matter> Visible(IQueryable<Matter> matters, ClaimsPrincipal caller)
    {
        var scope = GridScope.Of(caller);
        if (!scope.IsCommunityWide && caller.IsInRole(CommunityRoles.Resident) && !caller.IsInRole(CommunityRoles.GridWorker))
        {
            var me = caller.Id();
            return matters.Where(m => m.ReporterUserId == me);
        }

        return scope.Filter(matters, m => m.GridCode);
    }

    /// <summary>A change every caller who sees the matter may make.</summary>
    private static async Task<Results<Ok<MatterResponse>, NotFound>> ChangeAsync(
        Guid id, ClaimsPrincipal caller, GridDbContext db, TimeProvider time, Action<Matter> change, CancellationToken cancellationToken) =>
        (await ChangeAsync(id, caller, db, time, _ => true, change, cancellationToken)).Result switch
        {
            Ok<MatterResponse> ok => ok,
            _ => TypedResults.NotFound(),
        };

    /// <summary>Loads the matter the caller sees, refuses the change unless <paramref name="mayChange"/> allows it, saves it.</summary>
    private static async Task<Results<Ok<MatterResponse>, NotFound, ForbidHttpResult>> ChangeAsync(
        Guid id, ClaimsPrincipal caller, GridDbContext db, TimeProvider time, Func<Matter, bool> mayChange, Action<Matter> change,
        CancellationToken cancellationToken)
    {
        var matter = await Visible(db.Matters, caller).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (matter is null)
        {
            return TypedResults.NotFound();
        }

        if (!mayChange(matter))
        {
            return TypedResults.Forbid();
        }

        change(matter);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(MatterResponse.From(matter, CommunityTime.Today(time)));
    }

    private static async Task<Results<Ok<BuildingVoteResponse>, NotFound>> VoteAsync(
        Guid id, Guid voteId, ClaimsPrincipal caller, GridDbContext db, Action<Matter, BuildingVote> change, CancellationToken cancellationToken)
    {
        var matter = await Visible(db.Matters, caller).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        var vote = matter is null ? null : await db.BuildingVotes.Include(v => v.Ballots).SingleOrDefaultAsync(v => v.Id == voteId && v.MatterId == id, cancellationToken);
        if (vote is null)
        {
            return TypedResults.NotFound();
        }

        change(matter!, vote);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(BuildingVoteResponse.From(vote));
    }
}

public sealed record ReportMatterRequest(
    string? GridCode, string? Category, string? Location, string? Description, string? ReporterKind, string? ReporterName,
    Guid? ReporterResidentId = null, IReadOnlyList<string>? Photos = null);

public sealed record AcceptMatterRequest(string? Note = null);

public sealed record ReturnMatterRequest(string? Reason);

public sealed record DeliberationRequest(string? Note = null);

public sealed record RecordSessionRequest(string? Venue, DateOnly? HeldOn, IReadOnlyList<string>? Participants, string? Minutes, string? Decision);

public sealed record OpenVoteRequest(Guid? BuildingId, string? Question, string? ConsentThreshold = null);

public sealed record CastBallotRequest(Guid? HouseholdId, bool? Consent);

public sealed record AssignMatterRequest(string? Handler, DateOnly? DueOn, Guid? HandlerMemberId = null);

public sealed record ResolveMatterRequest(string? Resolution);

public sealed record CloseMatterRequest(int? Satisfaction, string? Note = null);

public sealed record RateMatterRequest(int? Satisfaction, string? Comment = null);

public sealed record EscalateMatterRequest(string? Reason);

/// <summary>
/// A matter. <c>open311Status</c>, <c>statusNotes</c>, <c>requestedDatetime</c>, <c>expectedDatetime</c> and
/// <c>updatedDatetime</c> carry the Open311 GeoReport v2 meanings so the county platform reads them as such.
/// </summary>
public sealed record MatterResponse(
    Guid Id,
    string GridCode,
    MatterCategory Category,
    string CategoryLabel,
    string Location,
    string Description,
    ReporterKind ReporterKind,
    MatterStatus Status,
    string StatusLabel,
    string? Handler,
    DateOnly? DueOn,
    bool Overdue,
    bool Escalated,
    int? Satisfaction,
    MatterSource Source,
    string? SourceId,
    bool ReporterRates,
    IReadOnlyList<string> Photos,
    string Open311Status,
    string? StatusNotes,
    DateTimeOffset RequestedDatetime,
    DateTimeOffset? ExpectedDatetime,
    DateTimeOffset UpdatedDatetime)
{
    public static MatterResponse From(Matter m, DateOnly today) => new(
        m.Id, m.GridCode, m.Category, MatterCategories.All[m.Category], m.Location, m.Description, m.ReporterKind, m.Status,
        MatterStatusLabels.All[m.Status], m.Handler, m.DueOn, m.IsOverdue(today), m.Escalated, m.Satisfaction, m.Source, m.SourceId, m.ReporterRates, m.Photos,
        m.IsOpen ? "open" : "closed", m.StatusNotes, m.ReportedAt,
        m.DueOn is { } due ? CommunityTime.StartOf(due.AddDays(1)) : null, m.UpdatedAt);
}

/// <summary>The filters of the matter list; every one is optional and they combine.</summary>
public sealed class MatterFilter
{
    [FromQuery(Name = "gridCode")]
    public string? GridCode { get; init; }

    [FromQuery(Name = "status")]
    public string? Status { get; init; }

    [FromQuery(Name = "category")]
    public string? Category { get; init; }

    /// <summary>True for the matters past the day they are due by (<see cref="Matter.Overdue"/>).</summary>
    [FromQuery(Name = "overdue")]
    public bool? Overdue { get; init; }

    /// <summary>True for the 督办 board: escalated and not yet closed or returned.</summary>
    [FromQuery(Name = "escalated")]
    public bool? Escalated { get; init; }

    /// <summary>True for the matters resolved (at any time), false for the others.</summary>
    [FromQuery(Name = "resolved")]
    public bool? Resolved { get; init; }

    [FromQuery(Name = "reportedFrom")]
    public DateOnly? ReportedFrom { get; init; }

    [FromQuery(Name = "reportedTo")]
    public DateOnly? ReportedTo { get; init; }

    [FromQuery(Name = "resolvedFrom")]
    public DateOnly? ResolvedFrom { get; init; }

    [FromQuery(Name = "resolvedTo")]
    public DateOnly? ResolvedTo { get; init; }

    /// <summary>A deliberation session of the matter was held on one of these days.</summary>
    [FromQuery(Name = "deliberatedFrom")]
    public DateOnly? DeliberatedFrom { get; init; }

    [FromQuery(Name = "deliberatedTo")]
    public DateOnly? DeliberatedTo { get; init; }

    internal IQueryable<Matter> Apply(IQueryable<Matter> matters, IQueryable<DeliberationSession> sessions, DateOnly today)
    {
        var validation = new Validation();
        var status = Status is null ? null : validation.RequireOneOf(Status, "status", MatterStatusLabels.All);
        var category = Category is null ? null : validation.RequireOneOf(Category, "category", MatterCategories.All);
        var reported = DayRange.Of(ReportedFrom, ReportedTo, "reportedFrom", "reportedTo", validation);
        var resolvedIn = DayRange.Of(ResolvedFrom, ResolvedTo, "resolvedFrom", "resolvedTo", validation);
        var deliberated = DayRange.Of(DeliberatedFrom, DeliberatedTo, "deliberatedFrom", "deliberatedTo", validation);
        validation.ThrowIfInvalid();

        matters = Matter.ResolvedWithin(Matter.ReportedWithin(matters, reported), resolvedIn);
        if (!deliberated.IsOpen)
        {
            matters = Matter.DeliberatedWithin(matters, sessions, deliberated);
        }

        if (Resolved is { } resolved)
        {
            matters = Matter.Resolved(matters, resolved);
        }

        matters = matters.WhereIf(!string.IsNullOrWhiteSpace(GridCode), m => m.GridCode == GridCode);
        matters = matters.WhereIf(status is not null, m => m.Status == status);
        matters = matters.WhereIf(category is not null, m => m.Category == category);
        if (Overdue == true)
        {
            matters = matters.Where(Matter.Overdue.On(today));
        }

        matters = matters.WhereIf(Escalated == true, m => m.Escalated && m.Status != MatterStatus.Closed && m.Status != MatterStatus.Returned);

        return matters;
    }
}

/// <summary>The filters of the deliberation-session list; every one is optional and they combine.</summary>
public sealed class SessionFilter
{
    [FromQuery(Name = "from")]
    public DateOnly? From { get; init; }

    [FromQuery(Name = "to")]
    public DateOnly? To { get; init; }

    [FromQuery(Name = "venue")]
    public string? Venue { get; init; }

    internal IQueryable<DeliberationSession> Apply(IQueryable<DeliberationSession> sessions)
    {
        var validation = new Validation();
        var held = DayRange.Of(From, To, "from", "to", validation);
        var venue = Venue is null ? null : validation.RequireOneOf(Venue, "venue", DeliberationVenues.All);
        validation.ThrowIfInvalid();

        sessions = DeliberationSession.HeldWithin(sessions, held);
        sessions = sessions.WhereIf(venue is not null, s => s.Venue == venue);

        return sessions;
    }
}

/// <summary>A session as the list shows it: the minutes and the participants' names stay with the matter.</summary>
public sealed record SessionListItem(Guid Id, Guid MatterId, DeliberationVenue Venue, string VenueLabel, DateOnly HeldOn, int Participants, string Decision)
{
    public static SessionListItem From(DeliberationSession s) => new(s.Id, s.MatterId, s.Venue, DeliberationVenues.All[s.Venue], s.HeldOn, s.Participants.Length, s.Decision);
}

/// <summary>One step: <c>actor</c> is the account, <c>actorName</c> the person as named when they took it (— on steps from before names were kept).</summary>
public sealed record TimelineEntryResponse(DateTimeOffset At, MatterStatus Status, string Note, string Actor, string ActorName);

public sealed record SessionResponse(Guid Id, DeliberationVenue Venue, DateOnly HeldOn, IReadOnlyList<string> Participants, string Minutes, string Decision);

public sealed record BuildingVoteResponse(
    Guid Id, Guid BuildingId, string Question, string ConsentThreshold, int EligibleHouseholds, int Ballots, int Consents, bool Open, bool? Passed)
{
    public static BuildingVoteResponse From(BuildingVote v) => new(
        v.Id, v.BuildingId, v.Question, $"{v.ThresholdNumerator}/{v.ThresholdDenominator}", v.EligibleHouseholdIds.Length, v.Ballots.Count, v.Consents,
        v.Passed is null, v.Passed);
}

public sealed record MatterDetailResponse(
    MatterResponse Matter, IReadOnlyList<TimelineEntryResponse> Timeline, IReadOnlyList<SessionResponse> Sessions, IReadOnlyList<BuildingVoteResponse> Votes)
{
    public static MatterDetailResponse From(Matter m, IEnumerable<DeliberationSession> sessions, IEnumerable<BuildingVote> votes, DateOnly today) => new(
        MatterResponse.From(m, today),
        m.Timeline.OrderBy(t => t.At).ThenBy(t => t.Id).Select(t => new TimelineEntryResponse(t.At, t.Status, t.Note, t.Actor, t.ActorName is { Length: > 0 } name ? name : Actor.UnknownName)).ToList(),
        sessions.Select(s => new SessionResponse(s.Id, s.Venue, s.HeldOn, s.Participants, s.Minutes, s.Decision)).ToList(),
        votes.Select(BuildingVoteResponse.From).ToList());
}
