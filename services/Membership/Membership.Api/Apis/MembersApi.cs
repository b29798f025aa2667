using CommunityPlatform.Membership.Domain;
using CommunityPlatform.Membership.Extensions;
using CommunityPlatform.Membership.Infrastructure;
using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.ServiceKit.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.Membership.Apis;

/// <summary>The party register (党员名册): members, their moves, status changes, reserve cadres and points.</summary>
public static class MembersApi
{
    public static IEndpointRouteBuilder MapMembersApi(this IEndpointRouteBuilder app)
    {
        var members = app.MapGroup("/api/membership/members").WithTags("Members");

        members.MapPost("/", RegisterMember)
            .WithName("RegisterMember")
            .WithSummary("Register a party member")
            .WithDescription("Validates every field, stores the member and publishes MemberRegistered through the outbox. A retry with the same Idempotency-Key gets the first answer.")
            .WithIdempotency<MembershipDbContext>()
            .RequireAuthorization(MembershipPolicies.ManageMembers);
        members.MapGet("/{id:guid}", GetMember)
            .WithName("GetMember")
            .WithSummary("Get one member")
            .RequireAuthorization(MembershipPolicies.ReadMembers);
        members.MapGet("/", ListMembers)
            .WithName("ListMembers")
            .WithSummary("List members filtered by organisation, status (or Active: full and probationary), age cohort on asOf (default today), education (or CollegeOrAbove), grid or name (exact or prefix), paged by cursor")
            .RequireAuthorization(MembershipPolicies.ReadMembers);
        members.MapPut("/{id:guid}", UpdateMember)
            .WithSummary("Correct a member's details (name, gender, birth date, education, phone, grid)")
            .RequireAuthorization(MembershipPolicies.ManageMembers);
        members.MapPost("/{id:guid}/moves", MoveMember)
            .WithSummary("Move a member to another of the community's organisations, kept as history")
            .RequireAuthorization(MembershipPolicies.ManageMembers);
        members.MapGet("/{id:guid}/moves", ListMoves)
            .WithSummary("A member's moves between organisations")
            .RequireAuthorization(MembershipPolicies.ReadMembers);
        members.MapPost("/{id:guid}/transfer-out", TransferOut)
            .WithSummary("Transfer a member's organisational relationship out of the community (组织关系转出)")
            .RequireAuthorization(MembershipPolicies.ManageMembers);
        members.MapPost("/{id:guid}/death", RecordDeath)
            .WithSummary("Record that a member has died")
            .RequireAuthorization(MembershipPolicies.ManageMembers);
        members.MapPut("/{id:guid}/reserve-cadre", FlagReserveCadre)
            .WithSummary("Flag a member as a reserve cadre (后备干部) prepared for a post")
            .RequireAuthorization(MembershipPolicies.ManageMembers);
        members.MapDelete("/{id:guid}/reserve-cadre", UnflagReserveCadre)
            .WithSummary("Remove the reserve-cadre flag")
            .RequireAuthorization(MembershipPolicies.ManageMembers);
        members.MapGet("/{id:guid}/points", GetPoints)
            .WithSummary("A member's points ledger (积分) with its total; each entry names its source")
            .RequireAuthorization(MembershipPolicies.ReadMembers);

        app.MapGet("/api/membership/reserve-cadres", ListReserveCadres)
            .WithTags("Members")
            .WithSummary("Every reserve cadre (active members flagged) with the post they are prepared for; ageCohort filters by age on asOf (default today)")
            .RequireAuthorization(MembershipPolicies.ReadMembers);

        return app;
    }

    public static async Task<Created<MemberResponse>> RegisterMember(
        RegisterMemberRequest request, MembershipDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var member = Member.Register(
            request.Name, request.Gender, request.BirthDate, request.Education, request.Phone,
            request.OrganisationCode, request.GridCode, time.GetUtcNow(), request.JoinedOn);
        await db.RequireOrganisationAsync(member.OrganisationCode, "organisationCode", cancellationToken);

        db.Members.Add(member);
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Created($"/api/membership/members/{member.Id}", MemberResponse.From(member, time));
    }

    public static async Task<Results<Ok<MemberResponse>, NotFound>> GetMember(Guid id, MembershipDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        return member is null ? TypedResults.NotFound() : TypedResults.Ok(MemberResponse.From(member, time));
    }

    public static async Task<Ok<Page<MemberResponse>>> ListMembers(
        MembershipDbContext db, TimeProvider time, [AsParameters] MemberFilter filter, Guid? cursor, int? limit, CancellationToken cancellationToken)
    {
        var query = filter.Apply(db.Members.AsNoTracking(), CommunityTime.Today(time));
        return TypedResults.Ok(await query.ToPageAsync(m => m.Id, cursor, limit, m => MemberResponse.From(m, time), cancellationToken));
    }

    public static async Task<Results<Ok<MemberResponse>, NotFound>> UpdateMember(
        Guid id, UpdateMemberRequest request, MembershipDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var member = await db.Members.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (member is null)
        {
            return TypedResults.NotFound();
        }

        member.Update(request.Name, request.Gender, request.BirthDate, request.Education, request.Phone, request.GridCode, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(MemberResponse.From(member, time));
    }

    public static async Task<Results<Created<OrganisationMoveResponse>, NotFound>> MoveMember(
        Guid id, MoveMemberRequest request, MembershipDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var member = await db.Members.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (member is null)
        {
            return TypedResults.NotFound();
        }

        var target = await db.RequireOrganisationAsync(request.OrganisationCode, "organisationCode", cancellationToken);
        var move = member.MoveTo(target, request.MovedOn, request.Reason, time.GetUtcNow());
        db.OrganisationMoves.Add(move);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/membership/members/{id}/moves", OrganisationMoveResponse.From(move));
    }

    public static async Task<Results<Ok<List<OrganisationMoveResponse>>, NotFound>> ListMoves(Guid id, MembershipDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Members.AnyAsync(m => m.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var moves = await db.OrganisationMoves.AsNoTracking().Where(m => m.MemberId == id).OrderBy(m => m.MovedOn).ThenBy(m => m.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(moves.Select(OrganisationMoveResponse.From).ToList());
    }

    public static Task<Results<Ok<MemberResponse>, NotFound>> TransferOut(
        Guid id, TransferOutRequest request, MembershipDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeStatusAsync(id, db, time, member => member.TransferOut(request.TransferredOn, request.Destination, time.GetUtcNow()), cancellationToken);

    public static Task<Results<Ok<MemberResponse>, NotFound>> RecordDeath(
        Guid id, RecordDeathRequest request, MembershipDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeStatusAsync(id, db, time, member => member.MarkDeceased(request.DiedOn, time.GetUtcNow()), cancellationToken);

    public static async Task<Results<Ok<MemberResponse>, NotFound>> FlagReserveCadre(
        Guid id, FlagReserveCadreRequest request, MembershipDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var member = await db.Members.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (member is null)
        {
            return TypedResults.NotFound();
        }

        member.FlagReserveCadre(request.Since, request.PreparedFor, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(MemberResponse.From(member, time));
    }

    public static async Task<Results<NoContent, NotFound>> UnflagReserveCadre(Guid id, MembershipDbContext db, CancellationToken cancellationToken)
    {
        var member = await db.Members.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (member is null)
        {
            return TypedResults.NotFound();
        }

        member.UnflagReserveCadre();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<List<MemberResponse>>> ListReserveCadres(
        MembershipDbContext db, TimeProvider time, [AsParameters] ReserveCadreFilter filter, CancellationToken cancellationToken)
    {
        var query = filter.Apply(db.Members.AsNoTracking().Where(Member.IsReserveCadre), CommunityTime.Today(time));
        var cadres = await query.OrderBy(m => m.ReserveCadreSince).ThenBy(m => m.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(cadres.Select(m => MemberResponse.From(m, time)).ToList());
    }

    public static async Task<Results<Ok<PointsLedgerResponse>, NotFound>> GetPoints(Guid id, MembershipDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Members.AnyAsync(m => m.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var entries = await db.PointsEntries.AsNoTracking().Where(e => e.MemberId == id).OrderByDescending(e => e.AwardedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PointsLedgerResponse(
            id, entries.Sum(e => e.Points),
            entries.Select(e => new PointsEntryResponse(e.Id, e.Points, e.Reason, e.Source, e.AwardedAt)).ToList()));
    }

    private static async Task<Results<Ok<MemberResponse>, NotFound>> ChangeStatusAsync(
        Guid id, MembershipDbContext db, TimeProvider time, Action<Member> change, CancellationToken cancellationToken)
    {
        var member = await db.Members.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (member is null)
        {
            return TypedResults.NotFound();
        }

        change(member);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(MemberResponse.From(member, time));
    }
}

/// <summary>The filters of the member list; every one is optional and they combine.</summary>
public sealed class MemberFilter
{
    [FromQuery(Name = "organisationCode")]
    public string? OrganisationCode { get; init; }

    [FromQuery(Name = "gridCode")]
    public string? GridCode { get; init; }

    /// <summary>A status, or Active for full and probationary members (those the register's figures count).</summary>
    [FromQuery(Name = "status")]
    public string? Status { get; init; }

    [FromQuery(Name = "ageCohort")]
    public string? AgeCohort { get; init; }

    /// <summary>The day ages are counted on for <see cref="AgeCohort"/> (default today), e.g. the last day of a report's period.</summary>
    [FromQuery(Name = "asOf")]
    public DateOnly? AsOf { get; init; }

    /// <summary>A level, or CollegeOrAbove for 大专, 本科 and 研究生.</summary>
    [FromQuery(Name = "education")]
    public string? Education { get; init; }

    /// <summary>A name or its beginning (张 finds 张丽娟 and 张伟).</summary>
    [FromQuery(Name = "name")]
    public string? Name { get; init; }

    /// <summary>True for the exact name only.</summary>
    [FromQuery(Name = "exactName")]
    public bool? ExactName { get; init; }

    internal static readonly FilterGroup<MemberStatus> ActiveGroup = new("Active", "正式和预备党员", Member.ActiveStatuses);

    internal static readonly FilterGroup<Education> CollegeOrAboveGroup = new("CollegeOrAbove", "大专及以上", AgeCohorts.CollegeOrAbove);

    internal IQueryable<Member> Apply(IQueryable<Member> query, DateOnly today)
    {
        var validation = new Validation();
        var statuses = Status is null ? null : validation.RequireOneOrGroup(Status, "status", MemberStatusLabels.All, ActiveGroup);
        var cohort = AgeCohort is null ? null : validation.RequireOneOf(AgeCohort, "ageCohort", AgeCohorts.Labels);
        var levels = Education is null ? null : validation.RequireOneOrGroup(Education, "education", EducationLabels.All, CollegeOrAboveGroup);
        validation.Require(Name is null || Name.Trim().Length is > 0 and <= PersonalDetails.NameMaxLength, "name", ValidationFailure.Length(1, PersonalDetails.NameMaxLength));
        validation.ThrowIfInvalid();

        query = query.WhereIf(!string.IsNullOrWhiteSpace(OrganisationCode), m => m.OrganisationCode == OrganisationCode);
        query = query.WhereIf(!string.IsNullOrWhiteSpace(GridCode), m => m.GridCode == GridCode);
        if (statuses is not null)
        {
            query = query.Where(m => statuses.Contains(m.Status));
        }

        if (levels is not null)
        {
            query = query.Where(m => levels.Contains(m.Education));
        }

        if (cohort is { } c)
        {
            query = query.Where(Member.InCohort(c, AsOf ?? today));
        }

        if (Name?.Trim() is { Length: > 0 } name)
        {
            var prefix = SqlLike.StartsWith(name);
            query = ExactName == true ? query.Where(m => m.Name == name) : query.Where(m => EF.Functions.Like(m.Name, prefix, SqlLike.EscapeCharacter));
        }

        return query;
    }
}

public sealed record RegisterMemberRequest(
    string? Name,
    string? Gender,
    DateOnly? BirthDate,
    string? Education,
    string? OrganisationCode,
    string? GridCode,
    string? Phone = null,
    DateOnly? JoinedOn = null);

public sealed record UpdateMemberRequest(string? Name, string? Gender, DateOnly? BirthDate, string? Education, string? GridCode, string? Phone = null);

public sealed record MoveMemberRequest(string? OrganisationCode, DateOnly? MovedOn, string? Reason = null);

public sealed record TransferOutRequest(DateOnly? TransferredOn, string? Destination);

public sealed record RecordDeathRequest(DateOnly? DiedOn);

public sealed record FlagReserveCadreRequest(DateOnly? Since, string? PreparedFor);

/// <summary>A member as the office sees them. The phone number is stored but never echoed in lists.</summary>
public sealed record MemberResponse(
    Guid Id,
    string Name,
    Gender Gender,
    DateOnly BirthDate,
    int Age,
    AgeCohort AgeCohort,
    Education Education,
    string OrganisationCode,
    string GridCode,
    MemberStatus Status,
    string StatusLabel,
    DateOnly? StatusSince,
    DateOnly? JoinedOn,
    string? TransferredTo,
    DateOnly? ReserveCadreSince,
    string? ReserveCadrePost,
    DateTimeOffset RegisteredAt)
{
    public static MemberResponse From(Member member, TimeProvider time)
    {
        var age = member.AgeOn(CommunityTime.Today(time));
        return new(
            member.Id, member.Name, member.Gender, member.BirthDate, age, AgeCohorts.Of(age), member.Education,
            member.OrganisationCode, member.GridCode, member.Status, MemberStatusLabels.All[member.Status], member.StatusSince,
            member.JoinedOn, member.TransferredTo, member.ReserveCadreSince, member.ReserveCadrePost, member.RegisteredAt);
    }
}

public sealed record OrganisationMoveResponse(Guid Id, string FromCode, string ToCode, DateOnly MovedOn, string? Reason)
{
    public static OrganisationMoveResponse From(OrganisationMove move) => new(move.Id, move.FromCode, move.ToCode, move.MovedOn, move.Reason);
}

public sealed record PointsLedgerResponse(Guid MemberId, decimal Total, IReadOnlyList<PointsEntryResponse> Entries);

public sealed record PointsEntryResponse(Guid Id, decimal Points, PointsReason Reason, string Source, DateTimeOffset AwardedAt);

/// <summary>The filter of the reserve cadres (后备干部).</summary>
public sealed class ReserveCadreFilter
{
    [FromQuery(Name = "ageCohort")]
    public string? AgeCohort { get; init; }

    /// <summary>The day ages are counted on for <see cref="AgeCohort"/> (default today).</summary>
    [FromQuery(Name = "asOf")]
    public DateOnly? AsOf { get; init; }

    internal IQueryable<Member> Apply(IQueryable<Member> query, DateOnly today)
    {
        var validation = new Validation();
        var cohort = AgeCohort is null ? null : validation.RequireOneOf(AgeCohort, "ageCohort", AgeCohorts.Labels);
        validation.ThrowIfInvalid();

        if (cohort is { } c)
        {
            query = query.Where(Member.InCohort(c, AsOf ?? today));
        }

        return query;
    }
}
