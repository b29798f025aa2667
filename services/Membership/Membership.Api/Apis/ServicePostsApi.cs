using CommunityPlatform.Membership.Domain;
using CommunityPlatform.Membership.Extensions;
using CommunityPlatform.Membership.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Membership.Apis;

/// <summary>Service posts (设岗定责): defined by the office, claimed by members without an office, reported on.</summary>
public static class ServicePostsApi
{
    public static IEndpointRouteBuilder MapServicePostsApi(this IEndpointRouteBuilder app)
    {
        var posts = app.MapGroup("/api/membership/service-posts").WithTags("Service posts");

        posts.MapPost("/", DefinePost)
            .WithSummary("Define a service post (e.g. 红网格示范小区, 党员服务队) with its duties and capacity")
            .RequireAuthorization(MembershipPolicies.ManageMembers);
        posts.MapGet("/", ListPosts)
            .WithSummary("Every service post with its current holders")
            .RequireAuthorization(MembershipPolicies.ReadPublicRecords);
        posts.MapGet("/{id:guid}", GetPost)
            .WithSummary("One service post with its holders and reports")
            .RequireAuthorization(MembershipPolicies.ReadPublicRecords);
        posts.MapPost("/{id:guid}/claims", ClaimPost)
            .WithSummary("A member claims the post (认领); members holding a committee post cannot")
            .RequireAuthorization(MembershipPolicies.ManageMembers);
        posts.MapPost("/{id:guid}/claims/{claimId:guid}/release", ReleaseClaim)
            .WithSummary("End a member's claim on the post")
            .RequireAuthorization(MembershipPolicies.ManageMembers);
        posts.MapPost("/{id:guid}/reports", ReportOnPost)
            .WithSummary("A holder reports on the work done in the post, with evidence")
            .RequireAuthorization(MembershipPolicies.ManageMembers);

        return app;
    }

    public static async Task<Created<ServicePostResponse>> DefinePost(
        DefineServicePostRequest request, MembershipDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var organisation = string.IsNullOrWhiteSpace(request.OrganisationCode)
            ? null
            : await db.RequireOrganisationAsync(request.OrganisationCode, "organisationCode", cancellationToken);
        var post = ServicePost.Define(request.Name, request.Duties, organisation, request.Capacity, time.GetUtcNow());
        db.ServicePosts.Add(post);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/membership/service-posts/{post.Id}", ServicePostResponse.From(post, [], []));
    }

    public static async Task<Ok<List<ServicePostResponse>>> ListPosts(MembershipDbContext db, CancellationToken cancellationToken)
    {
        var posts = await db.ServicePosts.AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
        var holders = await HoldersAsync(db, null, cancellationToken);
        return TypedResults.Ok(posts.Select(p => ServicePostResponse.From(p, holders.Where(h => h.PostId == p.Id).ToList(), [])).ToList());
    }

    public static async Task<Results<Ok<ServicePostResponse>, NotFound>> GetPost(Guid id, MembershipDbContext db, CancellationToken cancellationToken)
    {
        var post = await db.ServicePosts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (post is null)
        {
            return TypedResults.NotFound();
        }

        var reports = await db.ServicePostReports.AsNoTracking().Where(r => r.PostId == id)
            .Join(db.Members, r => r.MemberId, m => m.Id, (r, m) => new { Report = r, m.Name })
            .OrderByDescending(r => r.Report.ReportedOn).Take(200).ToListAsync(cancellationToken);
        return TypedResults.Ok(ServicePostResponse.From(
            post, await HoldersAsync(db, id, cancellationToken),
            reports.Select(r => new ServicePostReportResponse(r.Report.Id, r.Report.MemberId, r.Name, r.Report.ReportedOn, r.Report.Content, r.Report.Evidence)).ToList()));
    }

    public static async Task<Results<Created<ServicePostHolderResponse>, NotFound>> ClaimPost(
        Guid id, ClaimServicePostRequest request, MembershipDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var post = await db.ServicePosts.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (post is null)
        {
            return TypedResults.NotFound();
        }

        var member = await db.RequireMemberAsync(request.MemberId, "memberId", cancellationToken);
        var today = CommunityTime.Today(time);
        var holdsOffice = await db.CommitteePosts.AnyAsync(p => p.MemberId == member.Id && p.StartOn <= today && (p.EndOn == null || p.EndOn >= today), cancellationToken);
        var current = await db.ServicePostClaims.Where(c => c.PostId == id && c.ReleasedOn == null).ToListAsync(cancellationToken);
        var claim = post.Claim(member, holdsOffice, current, request.ClaimedOn, time.GetUtcNow());
        db.ServicePostClaims.Add(claim);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/membership/service-posts/{id}", new ServicePostHolderResponse(claim.Id, id, member.Id, member.Name, claim.ClaimedOn));
    }

    public static async Task<Results<NoContent, NotFound>> ReleaseClaim(
        Guid id, Guid claimId, ReleaseServicePostRequest request, MembershipDbContext db, CancellationToken cancellationToken)
    {
        var claim = await db.ServicePostClaims.SingleOrDefaultAsync(c => c.Id == claimId && c.PostId == id, cancellationToken);
        if (claim is null)
        {
            return TypedResults.NotFound();
        }

        claim.Release(request.ReleasedOn);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Created<ServicePostReportResponse>, NotFound>> ReportOnPost(
        Guid id, ServicePostReportRequest request, MembershipDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!await db.ServicePosts.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var member = await db.RequireMemberAsync(request.MemberId, "memberId", cancellationToken);
        var claim = await db.ServicePostClaims.SingleOrDefaultAsync(c => c.PostId == id && c.MemberId == member.Id && c.ReleasedOn == null, cancellationToken);
        var report = ServicePostReport.File(claim, request.ReportedOn, request.Content, request.Evidence, time.GetUtcNow());
        db.ServicePostReports.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created(
            $"/api/membership/service-posts/{id}",
            new ServicePostReportResponse(report.Id, member.Id, member.Name, report.ReportedOn, report.Content, report.Evidence));
    }

    private static async Task<List<ServicePostHolderResponse>> HoldersAsync(MembershipDbContext db, Guid? postId, CancellationToken cancellationToken) =>
        await db.ServicePostClaims.AsNoTracking()
            .Where(c => c.ReleasedOn == null && (postId == null || c.PostId == postId))
            .Join(db.Members, c => c.MemberId, m => m.Id, (c, m) => new ServicePostHolderResponse(c.Id, c.PostId, m.Id, m.Name, c.ClaimedOn))
            .ToListAsync(cancellationToken);
}

public sealed record DefineServicePostRequest(string? Name, string? Duties, string? OrganisationCode = null, int? Capacity = null);

public sealed record ClaimServicePostRequest(Guid? MemberId, DateOnly? ClaimedOn);

public sealed record ReleaseServicePostRequest(DateOnly? ReleasedOn);

public sealed record ServicePostReportRequest(Guid? MemberId, DateOnly? ReportedOn, string? Content, IReadOnlyList<string>? Evidence = null);

public sealed record ServicePostHolderResponse(Guid ClaimId, Guid PostId, Guid MemberId, string MemberName, DateOnly ClaimedOn);

public sealed record ServicePostReportResponse(Guid Id, Guid MemberId, string MemberName, DateOnly ReportedOn, string Content, IReadOnlyList<string> Evidence);

public sealed record ServicePostResponse(
    Guid Id, string Name, string Duties, string? OrganisationCode, int? Capacity,
    IReadOnlyList<ServicePostHolderResponse> Holders, IReadOnlyList<ServicePostReportResponse> Reports)
{
    public static ServicePostResponse From(ServicePost p, IReadOnlyList<ServicePostHolderResponse> holders, IReadOnlyList<ServicePostReportResponse> reports) =>
        new(p.Id, p.Name, p.Duties, p.OrganisationCode, p.Capacity, holders, reports);
}
