using System.Security.Claims;
using CommunityPlatform.Membership.Domain;
using CommunityPlatform.Membership.Extensions;
using CommunityPlatform.Membership.Infrastructure;
using CommunityPlatform.ServiceKit.Audit;
using CommunityPlatform.ServiceKit.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using CommunityPlatform.ServiceKit.Web;

namespace CommunityPlatform.Membership.Apis;

/// <summary>
/// Heart-to-heart talks (谈心谈话). The office sees who talked with whom, when and on what; the content only reaches
/// callers the <see cref="MembershipPolicies.ReadTalkContent"/> policy admits, and every such read is audited.
/// </summary>
public static class TalksApi
{
    public const string ContentReadAction = "talk_content_read";

    public static IEndpointRouteBuilder MapTalksApi(this IEndpointRouteBuilder app)
    {
        var talks = app.MapGroup("/api/membership/talks").WithTags("Heart-to-heart talks");

        talks.MapPost("/", RecordTalk)
            .WithSummary("Record a heart-to-heart talk")
            .RequireAuthorization(MembershipPolicies.ManageMembers);
        talks.MapGet("/", ListTalks)
            .WithSummary("Talks by member and date; the content is included only for the secretary, and each read is audited")
            .RequireAuthorization(MembershipPolicies.ReadMembers);
        talks.MapGet("/{id:guid}", GetTalk)
            .WithSummary("One talk; the content is included only for the secretary, and the read is audited")
            .RequireAuthorization(MembershipPolicies.ReadMembers);

        return app;
    }

    public static async Task<Created<TalkResponse>> RecordTalk(
        RecordTalkRequest request, ClaimsPrincipal caller, MembershipDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var talker = await db.RequireMemberAsync(request.TalkerMemberId, "talkerMemberId", cancellationToken);
        var talkedWith = await db.RequireMemberAsync(request.TalkedWithMemberId, "talkedWithMemberId", cancellationToken);
        var talk = Talk.Record(talker, talkedWith, request.HeldOn, request.Topic, request.Content, caller.Id(), time.GetUtcNow());
        db.Talks.Add(talk);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/membership/talks/{talk.Id}", TalkResponse.From(talk, talker.Name, talkedWith.Name, includeContent: false));
    }

    public static async Task<Ok<List<TalkResponse>>> ListTalks(
        ClaimsPrincipal caller, MembershipDbContext db, IAuthorizationService authorization, AuditTrail audit, [AsParameters] TalkFilter filter,
        CancellationToken cancellationToken)
    {
        var rows = await Named(filter.Apply(db.Talks.AsNoTracking()), db)
            .OrderByDescending(r => r.Talk.HeldOn).ThenBy(r => r.Talk.Id)
            .Take(500)
            .ToListAsync(cancellationToken);
        var content = await MayReadContentAsync(caller, authorization, audit, rows.Select(r => r.Talk.Id), cancellationToken);
        return TypedResults.Ok(rows.Select(r => TalkResponse.From(r.Talk, r.Talker, r.TalkedWith, content)).ToList());
    }

    public static async Task<Results<Ok<TalkResponse>, NotFound>> GetTalk(
        Guid id, ClaimsPrincipal caller, MembershipDbContext db, IAuthorizationService authorization, AuditTrail audit, CancellationToken cancellationToken)
    {
        var row = await Named(db.Talks.AsNoTracking().Where(t => t.Id == id), db).SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return TypedResults.NotFound();
        }

        var content = await MayReadContentAsync(caller, authorization, audit, [row.Talk.Id], cancellationToken);
        return TypedResults.Ok(TalkResponse.From(row.Talk, row.Talker, row.TalkedWith, content));
    }

    private static IQueryable<NamedTalk> Named(IQueryable<Talk> talks, MembershipDbContext db) =>
        from t in talks
        join a in db.Members on t.TalkerMemberId equals a.Id
        join b in db.Members on t.TalkedWithMemberId equals b.Id
        select new NamedTalk { Talk = t, Talker = a.Name, TalkedWith = b.Name };

    /// <summary>True when the caller may read the content; the reads are then written to the audit trail first.</summary>
    private static async Task<bool> MayReadContentAsync(
        ClaimsPrincipal caller, IAuthorizationService authorization, AuditTrail audit, IEnumerable<Guid> talkIds, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(caller, MembershipPolicies.ReadTalkContent)).Succeeded)
        {
            return false;
        }

        foreach (var id in talkIds)
        {
            await audit.RecordAsync(ContentReadAction, caller.Id(), id.ToString(), "membership talks api", cancellationToken);
        }

        return true;
    }

    /// <summary>A talk with both names; member-initialised so the database can still sort on it.</summary>
    private sealed class NamedTalk
    {
        public required Talk Talk { get; init; }

        public required string Talker { get; init; }

        public required string TalkedWith { get; init; }
    }
}

public sealed record RecordTalkRequest(Guid? TalkerMemberId, Guid? TalkedWithMemberId, DateOnly? HeldOn, string? Topic, string? Content);

/// <summary>A talk; <see cref="Content"/> is null unless the caller may read it.</summary>
public sealed record TalkResponse(Guid Id, Guid TalkerMemberId, string TalkerName, Guid TalkedWithMemberId, string TalkedWithName, DateOnly HeldOn, string Topic, string? Content)
{
    public static TalkResponse From(Talk t, string talker, string talkedWith, bool includeContent) => new(
        t.Id, t.TalkerMemberId, talker, t.TalkedWithMemberId, talkedWith, t.HeldOn, t.Topic, includeContent ? t.Content : null);
}

/// <summary>The filters of the talk list; every one is optional and they combine.</summary>
public sealed class TalkFilter
{
    /// <summary>The talks this member held or was talked with in.</summary>
    [FromQuery(Name = "memberId")]
    public Guid? MemberId { get; init; }

    [FromQuery(Name = "from")]
    public DateOnly? From { get; init; }

    [FromQuery(Name = "to")]
    public DateOnly? To { get; init; }

    internal IQueryable<Talk> Apply(IQueryable<Talk> talks)
    {
        talks = talks.WhereIf(MemberId is not null, t => t.TalkerMemberId == MemberId || t.TalkedWithMemberId == MemberId);
        talks = talks.WhereIf(From is not null, t => t.HeldOn >= From);
        talks = talks.WhereIf(To is not null, t => t.HeldOn <= To);

        return talks;
    }
}
