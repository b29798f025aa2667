using System.Security.Claims;
using CommunityPlatform.County.Domain;
using CommunityPlatform.County.Extensions;
using CommunityPlatform.County.Infrastructure;
using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.ServiceKit.Http;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.ServiceKit.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.County.Apis;

/// <summary>
/// Cases the county platform hands down (Open311 GeoReport v2 service requests): submitted by the county, signed for
/// (签收) or returned (退单) by the community office, then moved on by the grid matter they became.
/// </summary>
public static class CasesApi
{
    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/county/cases").WithTags("Cases");

        cases.MapPost("/", SubmitCase)
            .WithName("SubmitCase")
            .WithSummary("Hand a case down (Open311 fields plus county_case_id); a resubmission of the same county_case_id returns the case it made, 200")
            .ProducesValidationProblem()
            .RequireAuthorization(CountyPolicies.SubmitCases);
        cases.MapGet("/", ListCases)
            .WithName("ListCases")
            .WithSummary("Cases, oldest first, optionally by status (open, closed or a state such as signed_for), paged by after= the previous page's next_cursor")
            .ProducesValidationProblem()
            .RequireAuthorization(CountyPolicies.ReadCases);
        cases.MapGet("/{id:guid}", GetCase)
            .WithName("GetCase")
            .WithSummary("One case: its Open311 view (status, status_notes, updated_datetime), our state and the grid matter handling it")
            .RequireAuthorization(CountyPolicies.ReadCases);
        cases.MapPost("/{id:guid}/sign-for", SignFor)
            .WithName("SignForCase")
            .WithSummary("Sign for the case (签收) and hand it to a grid (grid_code, as the grid service knows it) as a matter; publishes CountyCaseSignedFor")
            .WithIdempotency<CountyDbContext>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(CountyPolicies.HandleCases);
        cases.MapPost("/{id:guid}/return", ReturnCase)
            .WithName("ReturnCase")
            .WithSummary("Return the case to the county (退单) with a reason, which becomes its status_notes")
            .WithIdempotency<CountyDbContext>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(CountyPolicies.HandleCases);

        return app;
    }

    public static async Task<Results<Created<CaseResponse>, Ok<CaseResponse>>> SubmitCase(
        SubmitCaseRequest request, CountyDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var received = CountyCase.Receive(
            request.CountyCaseId, request.ServiceCode, request.Description, request.Address, request.Lat, request.Long,
            request.RequestedDatetime, request.ExpectedDatetime, now);
        return await db.InTransactionAsync<Results<Created<CaseResponse>, Ok<CaseResponse>>>(async ct =>
        {
            // Every case is created under the feed's lock, so two submissions of one county id are taken one after
            // the other and the second finds the first.
            await db.LockFeedAsync(ct);
            var existing = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.CountyCaseId == received.CountyCaseId, ct);
            if (existing is not null)
            {
                return TypedResults.Ok(CaseResponse.From(existing));
            }

            db.Cases.Add(received);
            await db.AnnounceAsync(received, now, ct);
            return TypedResults.Created($"/api/county/cases/{received.Id}", CaseResponse.From(received));
        }, cancellationToken);
    }

    public static async Task<Ok<Page<CaseResponse>>> ListCases(CountyDbContext db, [AsParameters] CaseFilter filter, Guid? after, int? limit, CancellationToken cancellationToken) =>
        TypedResults.Ok(await filter.Apply(db.Cases.AsNoTracking()).ToPageAsync(c => c.Id, after, limit, CaseResponse.From, cancellationToken));

    public static async Task<Results<Ok<CaseResponse>, NotFound>> GetCase(Guid id, CountyDbContext db, CancellationToken cancellationToken)
    {
        var countyCase = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return countyCase is null ? TypedResults.NotFound() : TypedResults.Ok(CaseResponse.From(countyCase));
    }

    public static async Task<Results<Ok<CaseResponse>, NotFound, ProblemHttpResult>> SignFor(
        Guid id, SignForCaseRequest request, HttpContext http, ClaimsPrincipal caller, CountyDbContext db, GridDirectory grids, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var gridCode = request.GridCode?.Trim();
        CountyCase.CheckSignFor(gridCode, request.Note);
        var answer = await grids.FindAsync(gridCode!, http.Request.Headers.Authorization, cancellationToken);
        switch (answer.Kind)
        {
            case ServiceAnswerKind.Unavailable:
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status503ServiceUnavailable, title: "The grid service is not answering.",
                    detail: "The grid code could not be checked; sign for the case again shortly.");
            case ServiceAnswerKind.NotFound:
                throw DomainValidationException.For("grid_code", ValidationFailure.NotFound($"names no grid the grid service knows ('{gridCode}')."));
            case ServiceAnswerKind.Forbidden:
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status403Forbidden, title: "The grid service does not let you see this grid.",
                    detail: $"It answered {answer.Status}: {answer.Reason}");
            case ServiceAnswerKind.Refused:
                throw DomainValidationException.For("grid_code", ValidationFailure.Of(ValidationCodes.NotAllowed, $"was refused by the grid service ({answer.Status}: {answer.Reason})."));
        }

        var changed = await ChangeAsync(id, db, async (countyCase, now, ct) =>
        {
            countyCase.SignFor(gridCode!, request.Note, caller.Id(), now);
            await db.AnnounceAsync(countyCase, now, ct);
        }, time, cancellationToken);
        return changed.Result is Ok<CaseResponse> ok ? ok : TypedResults.NotFound();
    }

    public static Task<Results<Ok<CaseResponse>, NotFound>> ReturnCase(
        Guid id, ReturnCaseRequest request, ClaimsPrincipal caller, CountyDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, db, (countyCase, now, ct) =>
        {
            countyCase.Return(request.Reason, caller.Id(), now);
            return db.AnnounceAsync(countyCase, now, ct);
        }, time, cancellationToken);

    private static Task<Results<Ok<CaseResponse>, NotFound>> ChangeAsync(
        Guid id, CountyDbContext db, Func<CountyCase, DateTimeOffset, CancellationToken, Task> change, TimeProvider time, CancellationToken cancellationToken) =>
        db.InTransactionAsync<Results<Ok<CaseResponse>, NotFound>>(async ct =>
        {
            var countyCase = await db.Cases.SingleOrDefaultAsync(c => c.Id == id, ct);
            if (countyCase is null)
            {
                return TypedResults.NotFound();
            }

            await change(countyCase, time.GetUtcNow(), ct);
            return TypedResults.Ok(CaseResponse.From(countyCase));
        }, cancellationToken);
}

/// <summary>
/// A case as the county sends it: Open311 GeoReport v2 request fields, plus <c>county_case_id</c>, the county
/// platform's own id, which makes a resubmission harmless.
/// </summary>
public sealed record SubmitCaseRequest(
    string? CountyCaseId, string? ServiceCode, string? Description, string? Address, double? Lat = null, double? Long = null,
    DateTimeOffset? RequestedDatetime = null, DateTimeOffset? ExpectedDatetime = null);

public sealed record SignForCaseRequest(string? GridCode, string? Note = null);

public sealed record ReturnCaseRequest(string? Reason);

/// <summary>
/// A case: the Open311 GeoReport v2 view (<c>service_request_id</c> is ours, <c>status</c> open or closed,
/// <c>status_notes</c>, <c>updated_datetime</c>) plus our <c>state</c>, the grid it was handed to and the matter there.
/// </summary>
public sealed record CaseResponse(
    Guid ServiceRequestId,
    string CountyCaseId,
    string ServiceCode,
    string ServiceName,
    string Description,
    string Address,
    double? Lat,
    double? Long,
    string Status,
    string StatusNotes,
    CaseState State,
    DateTimeOffset RequestedDatetime,
    DateTimeOffset? ExpectedDatetime,
    DateTimeOffset UpdatedDatetime,
    string? GridCode,
    Guid? MatterId)
{
    public static CaseResponse From(CountyCase c) => new(
        c.Id, c.CountyCaseId, c.ServiceCode, c.Service.Name, c.Description, c.Address, c.Latitude, c.Longitude, c.State.Open311Status(), c.StatusNotes,
        c.State, c.RequestedAt, c.ExpectedAt, c.UpdatedAt, c.GridCode, c.MatterId);
}

/// <summary>The filter of the case list.</summary>
public sealed class CaseFilter
{
    /// <summary>Open311's open or closed, or one of the states by its wire name.</summary>
    [FromQuery(Name = "status")]
    public string? Status { get; init; }

    internal IQueryable<CountyCase> Apply(IQueryable<CountyCase> cases)
    {
        if (!string.IsNullOrWhiteSpace(Status))
        {
            var wanted = Status.Trim();
            var states = Enum.GetValues<CaseState>().Where(s => s.WireName() == wanted || s.Open311Status() == wanted).ToArray();
            new Validation().Require(states.Length > 0, "status",
                ValidationFailure.OneOf(string.Join(", ", Enum.GetValues<CaseState>().Select(s => s.WireName())), $"must be open, closed or one of the states: {string.Join(", ", Enum.GetValues<CaseState>().Select(s => s.WireName()))}.")).ThrowIfInvalid();
            cases = cases.Where(c => states.Contains(c.State));
        }

        return cases;
    }
}
