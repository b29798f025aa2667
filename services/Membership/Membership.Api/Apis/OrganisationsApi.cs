using CommunityPlatform.Membership.Domain;
using CommunityPlatform.Membership.Extensions;
using CommunityPlatform.Membership.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.ServiceKit.Web;

namespace CommunityPlatform.Membership.Apis;

/// <summary>The organisation tree (党总支 → 党支部 → 党小组), committees and their terms.</summary>
public static class OrganisationsApi
{
    public static IEndpointRouteBuilder MapOrganisationsApi(this IEndpointRouteBuilder app)
    {
        var organisations = app.MapGroup("/api/membership/organisations").WithTags("Organisations");

        organisations.MapPost("/", CreateOrganisation)
            .WithSummary("Create an organisation in the tree (a general branch, a branch under it, or a party group under a branch)")
            .RequireAuthorization(MembershipPolicies.ManageOrganisations);
        organisations.MapGet("/", ListOrganisations)
            .WithSummary("The whole tree, each organisation with its active member count, current committee and term")
            .RequireAuthorization(MembershipPolicies.ReadMembers);
        organisations.MapGet("/renewals-due", ListRenewalsDue)
            .WithSummary("Organisations whose committee term ends within the notice period or has ended (换届提醒)")
            .RequireAuthorization(MembershipPolicies.ReadMembers);
        organisations.MapGet("/{code}", GetOrganisation)
            .WithSummary("One organisation with its committee")
            .RequireAuthorization(MembershipPolicies.ReadMembers);
        organisations.MapPut("/{code}/founded-on", ChangeFoundedOn)
            .WithSummary("Correct the founding date, or the day the ledger starts (台账起始日), that meeting cadences are judged from")
            .RequireAuthorization(MembershipPolicies.ManageOrganisations);
        organisations.MapPost("/{code}/elections", RecordElection)
            .WithSummary("Record the election of a new committee, which starts a new term (换届选举)")
            .RequireAuthorization(MembershipPolicies.ManageOrganisations);
        organisations.MapGet("/{code}/committee", ListCommittee)
            .WithSummary("The committee posts held on a day (on, default today), each with its member, start and end")
            .RequireAuthorization(MembershipPolicies.ReadMembers);
        organisations.MapPost("/{code}/committee", AppointCommitteeMember)
            .WithSummary("Appoint a member to a committee post (书记, 副书记, 组织委员, 宣传委员, 纪检委员) from a start date")
            .RequireAuthorization(MembershipPolicies.ManageOrganisations);
        organisations.MapPost("/{code}/committee/{postId:guid}/end", EndCommitteePost)
            .WithSummary("End a committee post on a date")
            .RequireAuthorization(MembershipPolicies.ManageOrganisations);

        return app;
    }

    public static async Task<Created<OrganisationResponse>> CreateOrganisation(
        CreateOrganisationRequest request, MembershipDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var parent = string.IsNullOrWhiteSpace(request.ParentCode)
            ? null
            : await db.RequireOrganisationAsync(request.ParentCode, "parentCode", cancellationToken);
        var organisation = Organisation.Create(request.Code, request.Name, request.Kind, parent, time.GetUtcNow(), request.FoundedOn);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/membership/organisations/{organisation.Code}", OrganisationResponse.From(organisation, 0, [], null));
    }

    public static async Task<Ok<List<OrganisationResponse>>> ListOrganisations(
        MembershipDbContext db, IOptions<MembershipOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var today = CommunityTime.Today(time);
        var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Code).ToListAsync(cancellationToken);
        var counts = await db.Members.Where(m => m.Status == MemberStatus.Full || m.Status == MemberStatus.Probationary)
            .GroupBy(m => m.OrganisationCode).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var committees = await CommitteesOnAsync(db, null, today, cancellationToken);
        return TypedResults.Ok(organisations.Select(o => OrganisationResponse.From(
            o, counts.GetValueOrDefault(o.Code), committees.GetValueOrDefault(o.Code) ?? [], o.TermEndsOn(options.Value.CommitteeTermYears))).ToList());
    }

    public static async Task<Results<Ok<OrganisationResponse>, NotFound>> GetOrganisation(
        string code, MembershipDbContext db, IOptions<MembershipOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Code == code, cancellationToken);
        if (organisation is null)
        {
            return TypedResults.NotFound();
        }

        var today = CommunityTime.Today(time);
        var count = await db.Members.CountAsync(
            m => m.OrganisationCode == code && (m.Status == MemberStatus.Full || m.Status == MemberStatus.Probationary), cancellationToken);
        var committee = await CommitteesOnAsync(db, code, today, cancellationToken);
        return TypedResults.Ok(OrganisationResponse.From(
            organisation, count, committee.GetValueOrDefault(code) ?? [], organisation.TermEndsOn(options.Value.CommitteeTermYears)));
    }

    public static async Task<Results<Ok<List<CommitteePostResponse>>, NotFound>> ListCommittee(
        string code, DateOnly? on, MembershipDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!await db.Organisations.AnyAsync(o => o.Code == code, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var committee = await CommitteesOnAsync(db, code, on ?? CommunityTime.Today(time), cancellationToken);
        return TypedResults.Ok(committee.GetValueOrDefault(code) ?? []);
    }

    public static async Task<Ok<List<RenewalDueResponse>>> ListRenewalsDue(
        MembershipDbContext db, IOptions<MembershipOptions> options, TimeProvider time, [AsParameters] RenewalFilter filter, CancellationToken cancellationToken)
    {
        var today = CommunityTime.Today(time);
        var horizon = filter.Horizon(today, options.Value.RenewalNoticeDays);
        var organisations = await db.Organisations.AsNoTracking().Where(o => o.TermStartedOn != null).OrderBy(o => o.Code).ToListAsync(cancellationToken);
        return TypedResults.Ok(organisations
            .Select(o => (Organisation: o, EndsOn: o.TermEndsOn(options.Value.CommitteeTermYears)!.Value))
            .Where(o => o.EndsOn <= horizon)
            .Select(o => new RenewalDueResponse(o.Organisation.Code, o.Organisation.Name, o.Organisation.TermStartedOn!.Value, o.EndsOn, o.EndsOn < today))
            .ToList());
    }

    public static async Task<Results<Ok<OrganisationResponse>, NotFound>> ChangeFoundedOn(
        string code, ChangeFoundedOnRequest request, MembershipDbContext db, IOptions<MembershipOptions> options, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Code == code, cancellationToken);
        if (organisation is null)
        {
            return TypedResults.NotFound();
        }

        organisation.ChangeFoundedOn(request.FoundedOn, CommunityTime.Today(time));
        await db.SaveChangesAsync(cancellationToken);
        return await GetOrganisation(code, db, options, time, cancellationToken);
    }

    public static async Task<Results<Ok<OrganisationResponse>, NotFound>> RecordElection(
        string code, RecordElectionRequest request, MembershipDbContext db, IOptions<MembershipOptions> options, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Code == code, cancellationToken);
        if (organisation is null)
        {
            return TypedResults.NotFound();
        }

        organisation.RecordElection(request.HeldOn, CommunityTime.Today(time));
        await db.SaveChangesAsync(cancellationToken);
        return await GetOrganisation(code, db, options, time, cancellationToken);
    }

    public static async Task<Results<Created<CommitteePostResponse>, NotFound>> AppointCommitteeMember(
        string code, AppointCommitteeMemberRequest request, MembershipDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Code == code, cancellationToken);
        if (organisation is null)
        {
            return TypedResults.NotFound();
        }

        var member = await db.RequireMemberAsync(request.MemberId, "memberId", cancellationToken);
        var startOn = request.StartOn ?? DateOnly.MinValue;
        var current = await db.CommitteePosts
            .Where(p => p.OrganisationCode == code && p.StartOn <= startOn && (p.EndOn == null || p.EndOn >= startOn))
            .ToListAsync(cancellationToken);
        var post = CommitteePost.Appoint(organisation, member, request.Post, request.StartOn, current, time.GetUtcNow());
        db.CommitteePosts.Add(post);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/membership/organisations/{code}", CommitteePostResponse.From(post, member));
    }

    public static async Task<Results<Ok<CommitteePostResponse>, NotFound>> EndCommitteePost(
        string code, Guid postId, EndCommitteePostRequest request, MembershipDbContext db, CancellationToken cancellationToken)
    {
        var post = await db.CommitteePosts.SingleOrDefaultAsync(p => p.Id == postId && p.OrganisationCode == code, cancellationToken);
        if (post is null)
        {
            return TypedResults.NotFound();
        }

        post.End(request.EndOn);
        await db.SaveChangesAsync(cancellationToken);
        var member = await db.Members.AsNoTracking().SingleAsync(m => m.Id == post.MemberId, cancellationToken);
        return TypedResults.Ok(CommitteePostResponse.From(post, member));
    }

    private static async Task<Dictionary<string, List<CommitteePostResponse>>> CommitteesOnAsync(
        MembershipDbContext db, string? code, DateOnly day, CancellationToken cancellationToken)
    {
        var posts = db.CommitteePosts.AsNoTracking().Where(CommitteePost.HeldOn(day));
        posts = posts.WhereIf(code is not null, p => p.OrganisationCode == code);

        var rows = await posts.Join(db.Members, p => p.MemberId, m => m.Id, (p, m) => new { Post = p, Member = m })
            .OrderBy(r => r.Post.Post)
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Post.OrganisationCode)
            .ToDictionary(g => g.Key, g => g.Select(r => CommitteePostResponse.From(r.Post, r.Member)).ToList());
    }
}

/// <param name="FoundedOn">The founding date or the ledger's start (台账起始日); without one, the day of entry.</param>
public sealed record CreateOrganisationRequest(string? Code, string? Name, string? Kind, string? ParentCode = null, DateOnly? FoundedOn = null);

public sealed record ChangeFoundedOnRequest(DateOnly? FoundedOn);

public sealed record RecordElectionRequest(DateOnly? HeldOn);

public sealed record AppointCommitteeMemberRequest(Guid? MemberId, string? Post, DateOnly? StartOn);

public sealed record EndCommitteePostRequest(DateOnly? EndOn);

public sealed record OrganisationResponse(
    string Code,
    string Name,
    OrganisationKind Kind,
    string KindLabel,
    string? ParentCode,
    int ActiveMembers,
    DateOnly FoundedOn,
    DateOnly? TermStartedOn,
    DateOnly? TermEndsOn,
    IReadOnlyList<CommitteePostResponse> Committee)
{
    public static OrganisationResponse From(Organisation o, int activeMembers, IReadOnlyList<CommitteePostResponse> committee, DateOnly? termEndsOn) => new(
        o.Code, o.Name, o.Kind, OrganisationKindLabels.All[o.Kind], o.ParentCode, activeMembers, o.FoundedOn, o.TermStartedOn, termEndsOn, committee);
}

public sealed record CommitteePostResponse(Guid Id, Guid MemberId, string MemberName, CommitteePostKind Post, string PostLabel, DateOnly StartOn, DateOnly? EndOn)
{
    public static CommitteePostResponse From(CommitteePost post, Member member) => new(
        post.Id, member.Id, member.Name, post.Post, CommitteePostLabels.All[post.Post], post.StartOn, post.EndOn);
}

public sealed record RenewalDueResponse(string Code, string Name, DateOnly TermStartedOn, DateOnly TermEndsOn, bool Overdue);

/// <summary>The filter of the renewals due.</summary>
public sealed class RenewalFilter
{
    /// <summary>The committees whose term ends within this many days (default the notice period; 0 to 3650).</summary>
    [FromQuery(Name = "withinDays")]
    public int? WithinDays { get; init; }

    /// <summary>The last day a term may end on to be listed.</summary>
    internal DateOnly Horizon(DateOnly today, int noticeDays) => today.AddDays(Math.Clamp(WithinDays ?? noticeDays, 0, 3650));
}
