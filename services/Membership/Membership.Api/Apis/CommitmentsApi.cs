using CommunityPlatform.Membership.Domain;
using CommunityPlatform.Membership.Extensions;
using CommunityPlatform.Membership.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using CommunityPlatform.ServiceKit.Web;

namespace CommunityPlatform.Membership.Apis;

/// <summary>Members' public commitments (党员公开承诺) and their fulfilment.</summary>
public static class CommitmentsApi
{
    public static IEndpointRouteBuilder MapCommitmentsApi(this IEndpointRouteBuilder app)
    {
        var commitments = app.MapGroup("/api/membership/commitments").WithTags("Commitments");

        commitments.MapPost("/", MakeCommitment)
            .WithSummary("Record a member's public commitment for a year, with its items")
            .RequireAuthorization(MembershipPolicies.ManageMembers);
        commitments.MapGet("/", ListCommitments)
            .WithSummary("Commitments by year, member or organisation, with each item's fulfilment")
            .RequireAuthorization(MembershipPolicies.ReadPublicRecords);
        commitments.MapGet("/{id:guid}", GetCommitment)
            .WithSummary("One commitment")
            .RequireAuthorization(MembershipPolicies.ReadPublicRecords);
        commitments.MapPost("/{id:guid}/fulfilments", FulfilItem)
            .WithSummary("Record the fulfilment of one item with evidence (photo or document references)")
            .RequireAuthorization(MembershipPolicies.ManageMembers);

        return app;
    }

    public static async Task<Created<CommitmentResponse>> MakeCommitment(
        MakeCommitmentRequest request, MembershipDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var member = await db.RequireMemberAsync(request.MemberId, "memberId", cancellationToken);
        var commitment = Commitment.Make(member, request.Year, request.MadeOn, request.Items, time.GetUtcNow());
        db.Commitments.Add(commitment);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/membership/commitments/{commitment.Id}", CommitmentResponse.From(commitment, member.Name));
    }

    public static async Task<Ok<List<CommitmentResponse>>> ListCommitments(
        MembershipDbContext db, [AsParameters] CommitmentFilter filter, CancellationToken cancellationToken)
    {
        var rows = await filter.Apply(db.Commitments.AsNoTracking().Include(c => c.Items), db.Members)
            .Join(db.Members, c => c.MemberId, m => m.Id, (c, m) => new { Commitment = c, m.Name })
            .OrderByDescending(r => r.Commitment.Year).ThenBy(r => r.Commitment.Id)
            .Take(500)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(r => CommitmentResponse.From(r.Commitment, r.Name)).ToList());
    }

    public static async Task<Results<Ok<CommitmentResponse>, NotFound>> GetCommitment(Guid id, MembershipDbContext db, CancellationToken cancellationToken)
    {
        var commitment = await db.Commitments.AsNoTracking().Include(c => c.Items).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (commitment is null)
        {
            return TypedResults.NotFound();
        }

        var name = await db.Members.Where(m => m.Id == commitment.MemberId).Select(m => m.Name).SingleAsync(cancellationToken);
        return TypedResults.Ok(CommitmentResponse.From(commitment, name));
    }

    public static async Task<Results<Ok<CommitmentResponse>, NotFound>> FulfilItem(
        Guid id, FulfilCommitmentItemRequest request, MembershipDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var commitment = await db.Commitments.Include(c => c.Items).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (commitment is null)
        {
            return TypedResults.NotFound();
        }

        commitment.Fulfil(request.ItemNumber ?? 0, request.FulfilledOn, request.Note, request.Evidence, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        var name = await db.Members.Where(m => m.Id == commitment.MemberId).Select(m => m.Name).SingleAsync(cancellationToken);
        return TypedResults.Ok(CommitmentResponse.From(commitment, name));
    }
}

public sealed record MakeCommitmentRequest(Guid? MemberId, int? Year, DateOnly? MadeOn, IReadOnlyList<string?>? Items);

public sealed record FulfilCommitmentItemRequest(int? ItemNumber, DateOnly? FulfilledOn, string? Note, IReadOnlyList<string>? Evidence);

public sealed record CommitmentItemResponse(int Number, string Content, bool Fulfilled, DateOnly? FulfilledOn, string? Note, IReadOnlyList<string> Evidence);

public sealed record CommitmentResponse(Guid Id, Guid MemberId, string MemberName, int Year, DateOnly MadeOn, int Fulfilled, IReadOnlyList<CommitmentItemResponse> Items)
{
    public static CommitmentResponse From(Commitment c, string memberName) => new(
        c.Id, c.MemberId, memberName, c.Year, c.MadeOn, c.Items.Count(i => i.FulfilledOn != null),
        c.Items.OrderBy(i => i.Number).Select(i => new CommitmentItemResponse(i.Number, i.Content, i.FulfilledOn != null, i.FulfilledOn, i.FulfilmentNote, i.Evidence)).ToList());
}

/// <summary>The filters of the commitment list; every one is optional and they combine.</summary>
public sealed class CommitmentFilter
{
    [FromQuery(Name = "year")]
    public int? Year { get; init; }

    [FromQuery(Name = "memberId")]
    public Guid? MemberId { get; init; }

    /// <summary>The commitments of the members of this organisation.</summary>
    [FromQuery(Name = "organisationCode")]
    public string? OrganisationCode { get; init; }

    internal IQueryable<Commitment> Apply(IQueryable<Commitment> commitments, IQueryable<Member> members)
    {
        commitments = commitments.WhereIf(Year is not null, c => c.Year == Year);
        commitments = commitments.WhereIf(MemberId is not null, c => c.MemberId == MemberId);
        commitments = commitments.WhereIf(OrganisationCode is not null, c => members.Any(m => m.Id == c.MemberId && m.OrganisationCode == OrganisationCode));

        return commitments;
    }
}
