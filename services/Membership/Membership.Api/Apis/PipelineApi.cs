using CommunityPlatform.Membership.Domain;
using CommunityPlatform.Membership.Extensions;
using CommunityPlatform.Membership.Infrastructure;
using CommunityPlatform.ServiceKit.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using CommunityPlatform.ServiceKit.Web;

namespace CommunityPlatform.Membership.Apis;

/// <summary>
/// The development pipeline (发展党员): each step is its own POST so the one-year rules answer 409 with the rule
/// and the earliest allowed date.
/// </summary>
public static class PipelineApi
{
    public static IEndpointRouteBuilder MapPipelineApi(this IEndpointRouteBuilder app)
    {
        var pipeline = app.MapGroup("/api/membership/pipeline").WithTags("Development pipeline");

        pipeline.MapPost("/", Apply)
            .WithSummary("Record an application to join the party (入党申请)")
            .RequireAuthorization(MembershipPolicies.ManageMembers);
        pipeline.MapGet("/", ListPipeline)
            .WithSummary("Everyone currently in the pipeline (or at one stage, or admitted between admittedFrom and admittedTo at any stage since; under35WithCollege=true for those under 35 on admission with college or above), with the next step and the earliest day it is allowed")
            .RequireAuthorization(MembershipPolicies.ReadMembers);
        pipeline.MapGet("/{id:guid}", GetApplicant)
            .WithSummary("One person's way through the pipeline")
            .RequireAuthorization(MembershipPolicies.ReadMembers);
        pipeline.MapPost("/{id:guid}/activist", BecomeActivist)
            .WithSummary("Accept as an activist (入党积极分子) with one or two contacts (培养联系人)")
            .RequireAuthorization(MembershipPolicies.ManageMembers);
        pipeline.MapPost("/{id:guid}/candidate", BecomeCandidate)
            .WithSummary("Make a development candidate (发展对象); at least one year after becoming an activist")
            .RequireAuthorization(MembershipPolicies.ManageMembers);
        pipeline.MapPost("/{id:guid}/admission", Admit)
            .WithSummary("Admit as a probationary member (预备党员) with two sponsors (入党介绍人); creates the member record")
            .RequireAuthorization(MembershipPolicies.ManageMembers);
        pipeline.MapPost("/{id:guid}/probation-extension", ExtendProbation)
            .WithSummary("Extend probation once, by 6 to 12 months (延长预备期)")
            .RequireAuthorization(MembershipPolicies.ManageMembers);
        pipeline.MapPost("/{id:guid}/full-membership", BecomeFull)
            .WithSummary("Make a full member (转正) once probation is over")
            .RequireAuthorization(MembershipPolicies.ManageMembers);
        pipeline.MapPost("/{id:guid}/cancellation", Cancel)
            .WithSummary("End the pipeline; during probation this cancels the probationary membership (取消预备党员资格)")
            .RequireAuthorization(MembershipPolicies.ManageMembers);

        return app;
    }

    public static async Task<Created<ApplicantResponse>> Apply(ApplyRequest request, MembershipDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var organisation = await db.RequireOrganisationAsync(request.OrganisationCode, "organisationCode", cancellationToken);
        var applicant = Applicant.Apply(
            request.Name, request.Gender, request.BirthDate, request.Education, request.Phone, request.GridCode, organisation, request.AppliedOn, time.GetUtcNow());
        db.Applicants.Add(applicant);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/membership/pipeline/{applicant.Id}", ApplicantResponse.From(applicant));
    }

    public static async Task<Ok<List<ApplicantResponse>>> ListPipeline(
        MembershipDbContext db, [AsParameters] ApplicantFilter filter, CancellationToken cancellationToken)
    {
        var applicants = await filter.Apply(db.Applicants.AsNoTracking()).OrderBy(a => a.Stage).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(applicants.Select(ApplicantResponse.From).OrderBy(a => a.NextStepEarliestOn ?? DateOnly.MaxValue).ToList());
    }

    public static async Task<Results<Ok<ApplicantResponse>, NotFound>> GetApplicant(Guid id, MembershipDbContext db, CancellationToken cancellationToken)
    {
        var applicant = await db.Applicants.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        return applicant is null ? TypedResults.NotFound() : TypedResults.Ok(ApplicantResponse.From(applicant));
    }

    public static Task<Results<Ok<ApplicantResponse>, NotFound>> BecomeActivist(
        Guid id, ActivistRequest request, MembershipDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        StepAsync(id, db, async applicant =>
        {
            var contacts = await db.RequireMembersAsync(request.ContactMemberIds, "contactMemberIds", cancellationToken);
            applicant.BecomeActivist(request.On, contacts, time.GetUtcNow());
        }, cancellationToken);

    public static Task<Results<Ok<ApplicantResponse>, NotFound>> BecomeCandidate(
        Guid id, StepRequest request, MembershipDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        StepAsync(id, db, applicant =>
        {
            applicant.BecomeCandidate(request.On, time.GetUtcNow());
            return Task.CompletedTask;
        }, cancellationToken);

    public static Task<Results<Ok<ApplicantResponse>, NotFound>> Admit(
        Guid id, AdmissionRequest request, MembershipDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        StepAsync(id, db, async applicant =>
        {
            var sponsors = await db.RequireMembersAsync(request.SponsorMemberIds, "sponsorMemberIds", cancellationToken);
            db.Members.Add(applicant.Admit(request.On, sponsors, time.GetUtcNow()));
        }, cancellationToken);

    public static Task<Results<Ok<ApplicantResponse>, NotFound>> ExtendProbation(
        Guid id, ProbationExtensionRequest request, MembershipDbContext db, CancellationToken cancellationToken) =>
        StepAsync(id, db, applicant =>
        {
            applicant.ExtendProbation(request.Months);
            return Task.CompletedTask;
        }, cancellationToken);

    public static Task<Results<Ok<ApplicantResponse>, NotFound>> BecomeFull(
        Guid id, StepRequest request, MembershipDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        StepAsync(id, db, async applicant =>
        {
            var member = await MemberOfAsync(db, applicant, cancellationToken);
            applicant.BecomeFull(request.On, member!, time.GetUtcNow());
        }, cancellationToken);

    public static Task<Results<Ok<ApplicantResponse>, NotFound>> Cancel(
        Guid id, CancellationRequest request, MembershipDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        StepAsync(id, db, async applicant =>
        {
            var member = await MemberOfAsync(db, applicant, cancellationToken);
            applicant.Cancel(request.On, request.Reason, member, time.GetUtcNow());
        }, cancellationToken);

    private static async Task<Member?> MemberOfAsync(MembershipDbContext db, Applicant applicant, CancellationToken cancellationToken) =>
        applicant.MemberId is { } memberId ? await db.Members.SingleAsync(m => m.Id == memberId, cancellationToken) : null;

    private static async Task<Results<Ok<ApplicantResponse>, NotFound>> StepAsync(
        Guid id, MembershipDbContext db, Func<Applicant, Task> step, CancellationToken cancellationToken)
    {
        var applicant = await db.Applicants.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (applicant is null)
        {
            return TypedResults.NotFound();
        }

        await step(applicant);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ApplicantResponse.From(applicant));
    }
}

public sealed record ApplyRequest(
    string? Name,
    string? Gender,
    DateOnly? BirthDate,
    string? Education,
    string? OrganisationCode,
    string? GridCode,
    DateOnly? AppliedOn,
    string? Phone = null);

public sealed record StepRequest(DateOnly? On);

public sealed record ActivistRequest(DateOnly? On, IReadOnlyList<Guid>? ContactMemberIds);

public sealed record AdmissionRequest(DateOnly? On, IReadOnlyList<Guid>? SponsorMemberIds);

public sealed record ProbationExtensionRequest(int? Months);

public sealed record CancellationRequest(DateOnly? On, string? Reason);

public sealed record ApplicantResponse(
    Guid Id,
    string Name,
    Gender Gender,
    Education Education,
    string OrganisationCode,
    PipelineStage Stage,
    string StageLabel,
    DateOnly AppliedOn,
    DateOnly? ActivistOn,
    IReadOnlyList<Guid> ContactMemberIds,
    DateOnly? CandidateOn,
    DateOnly? AdmittedOn,
    IReadOnlyList<Guid> SponsorMemberIds,
    DateOnly? ProbationEndsOn,
    bool ProbationExtended,
    DateOnly? FullOn,
    DateOnly? CancelledOn,
    string? CancellationReason,
    Guid? MemberId,
    PipelineStage? NextStep,
    DateOnly? NextStepEarliestOn)
{
    public static ApplicantResponse From(Applicant a)
    {
        var (next, earliest) = a.NextStep();
        return new(
            a.Id, a.Name, a.Gender, a.Education, a.OrganisationCode, a.Stage, PipelineStageLabels.All[a.Stage], a.AppliedOn, a.ActivistOn,
            a.ContactMemberIds, a.CandidateOn, a.AdmittedOn, a.SponsorMemberIds, a.ProbationEndsOn, a.ProbationExtended, a.FullOn,
            a.CancelledOn, a.CancellationReason, a.MemberId, next, earliest);
    }
}

/// <summary>The filters of the pipeline; every one is optional and they combine.</summary>
public sealed class ApplicantFilter
{
    /// <summary>A stage; without it (and without an admission period) those still in the pipeline, neither full members nor cancelled.</summary>
    [FromQuery(Name = "stage")]
    public string? Stage { get; init; }

    [FromQuery(Name = "organisationCode")]
    public string? OrganisationCode { get; init; }

    [FromQuery(Name = "admittedFrom")]
    public DateOnly? AdmittedFrom { get; init; }

    [FromQuery(Name = "admittedTo")]
    public DateOnly? AdmittedTo { get; init; }

    /// <summary>True for those admitted under 35 with a college education or above.</summary>
    [FromQuery(Name = "under35WithCollege")]
    public bool? Under35WithCollege { get; init; }

    internal IQueryable<Applicant> Apply(IQueryable<Applicant> query)
    {
        var validation = new Validation();
        var stage = Stage is null ? null : validation.RequireOneOf(Stage, "stage", PipelineStageLabels.All);
        var admitted = DayRange.Of(AdmittedFrom, AdmittedTo, "admittedFrom", "admittedTo", validation);
        validation.ThrowIfInvalid();

        if (stage is not null)
        {
            query = query.Where(a => a.Stage == stage);
        }
        else if (admitted.IsOpen)
        {
            query = query.Where(a => a.Stage != PipelineStage.Full && a.Stage != PipelineStage.Cancelled);
        }

        // Admitted in a period means admitted then, whatever the stage is now (full, cancelled, still on probation).
        query = query.Where(Applicant.AdmittedWithin(admitted));

        if (Under35WithCollege == true)
        {
            query = query.Where(Applicant.AdmittedUnder35WithCollege);
        }

        query = query.WhereIf(!string.IsNullOrWhiteSpace(OrganisationCode), a => a.OrganisationCode == OrganisationCode);

        return query;
    }
}
