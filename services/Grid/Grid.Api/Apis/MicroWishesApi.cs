using System.Linq.Expressions;
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

namespace CommunityPlatform.Grid.Apis;

/// <summary>
/// Micro-wishes (微心愿) and the four lists (四张清单): what the community needs, what partners have, what residents
/// want, what members do — in the same categories, so they can be matched.
/// </summary>
public static class MicroWishesApi
{
    public static IEndpointRouteBuilder MapMicroWishesApi(this IEndpointRouteBuilder app)
    {
        var grid = app.MapGroup("/api/grid").WithTags("Micro-wishes and the four lists");

        grid.MapPost("/micro-wishes", PostWish)
            .WithSummary("Post a resident's micro-wish; a retry with the same Idempotency-Key gets the first answer")
            .WithIdempotency<GridDbContext>()
            .RequireAuthorization(GridPolicies.ReportMatters);
        grid.MapGet("/micro-wishes", ListWishes)
            .WithSummary("Micro-wishes by grid, status, category and the day posted (postedFrom/postedTo), claimed (claimedFrom/claimedTo) or fulfilled (fulfilledFrom/fulfilledTo); paged by cursor")
            .RequireAuthorization(GridPolicies.ReadWishes);
        grid.MapGet("/micro-wishes/matches", MatchWishes)
            .WithSummary("For each open wish, the partner units and members offering help in its category, those of its grid first")
            .RequireAuthorization(GridPolicies.ReadWishes);
        grid.MapPost("/micro-wishes/{id:guid}/claim", ClaimWish)
            .WithSummary("A member or a partner unit claims the wish (认领); publishes MicroWishClaimed")
            .RequireAuthorization(GridPolicies.ClaimWishes);
        grid.MapPost("/micro-wishes/{id:guid}/fulfilment", FulfilWish)
            .WithSummary("Record that the wish came true, with evidence; publishes MicroWishFulfilled")
            .RequireAuthorization(GridPolicies.ClaimWishes);
        grid.MapPost("/community-needs", PostNeed).WithSummary("Post something the community needs").RequireAuthorization(GridPolicies.ManageGrids);
        grid.MapPost("/member-offers", MakeOffer).WithSummary("Record what a party member offers to do").RequireAuthorization(GridPolicies.ManageGrids);
        grid.MapGet("/four-lists", FourLists)
            .WithSummary("The four lists, optionally of one category: community needs, partner resources, open resident wishes, member offers")
            .RequireAuthorization(GridPolicies.ReadWishes);

        return app;
    }

    public static async Task<Created<MicroWishResponse>> PostWish(
        PostWishRequest request, ClaimsPrincipal caller, GridDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var gridCode = await db.RequireGridAsync(request.GridCode, GridScope.Of(caller), cancellationToken);
        var resident = caller.IsInRole(CommunityRoles.Resident) && !GridScope.Of(caller).IsCommunityWide;
        var wish = MicroWish.Post(
            gridCode, request.Category, request.Title, request.Description,
            resident ? caller.FindFirst("name")?.Value ?? request.PosterName : request.PosterName, request.PosterResidentId, time.GetUtcNow());
        db.MicroWishes.Add(wish);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/grid/micro-wishes?gridCode={gridCode}", MicroWishResponse.From(wish));
    }

    public static async Task<Ok<Page<MicroWishResponse>>> ListWishes(
        ClaimsPrincipal caller, GridDbContext db, [AsParameters] MicroWishFilter filter, Guid? cursor, int? limit, CancellationToken cancellationToken)
    {
        var wishes = filter.Apply(GridScope.Of(caller).Filter(db.MicroWishes.AsNoTracking(), w => w.GridCode));
        return TypedResults.Ok(await wishes.ToPageAsync(w => w.Id, cursor, limit, MicroWishResponse.From, cancellationToken));
    }

    public static async Task<Ok<List<WishMatchResponse>>> MatchWishes(
        ClaimsPrincipal caller, GridDbContext db, [AsParameters] WishMatchFilter filter, CancellationToken cancellationToken)
    {
        var open = await filter.Apply(GridScope.Of(caller).Filter(db.MicroWishes.AsNoTracking(), w => w.GridCode))
            .Where(w => w.Status == MicroWishStatus.Open)
            .OrderBy(w => w.PostedAt).Take(500).ToListAsync(cancellationToken);
        var partners = await db.PartnerUnits.AsNoTracking().ToListAsync(cancellationToken);
        var offers = await db.MemberOffers.AsNoTracking().ToListAsync(cancellationToken);
        return TypedResults.Ok(open.Select(wish => new WishMatchResponse(
            MicroWishResponse.From(wish),
            partners.Where(p => p.Resources.Any(r => r.Category == wish.Category))
                .OrderBy(p => p.GridCode == wish.GridCode ? 0 : p.GridCode is null ? 1 : 2)
                .Select(p => new PartnerSuggestion(p.Id, p.Name, p.GridCode, p.Resources.Where(r => r.Category == wish.Category).Select(r => r.Description).ToList()))
                .ToList(),
            offers.Where(o => o.Category == wish.Category)
                .OrderBy(o => o.GridCode == wish.GridCode ? 0 : o.GridCode is null ? 1 : 2)
                .Select(o => new MemberSuggestion(o.MemberId, o.MemberName, o.GridCode, o.Description))
                .ToList())).ToList());
    }

    public static async Task<Results<Ok<MicroWishResponse>, NotFound>> ClaimWish(
        Guid id, ClaimWishRequest request, ClaimsPrincipal caller, GridDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var wish = await GridScope.Of(caller).Filter(db.MicroWishes, w => w.GridCode).SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (wish is null)
        {
            return TypedResults.NotFound();
        }

        var partner = request.PartnerUnitId is { } partnerId
            ? await db.PartnerUnits.SingleOrDefaultAsync(p => p.Id == partnerId, cancellationToken)
              ?? throw DomainValidationException.For("partnerUnitId", ValidationFailure.NotFound("names no partner unit."))
            : null;
        wish.Claim(request.MemberId, partner, request.ClaimantName, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(MicroWishResponse.From(wish));
    }

    public static async Task<Results<Ok<MicroWishResponse>, NotFound>> FulfilWish(
        Guid id, FulfilWishRequest request, ClaimsPrincipal caller, GridDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var wish = await GridScope.Of(caller).Filter(db.MicroWishes, w => w.GridCode).SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (wish is null)
        {
            return TypedResults.NotFound();
        }

        wish.Fulfil(request.Note, request.Evidence, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(MicroWishResponse.From(wish));
    }

    public static async Task<Created<CommunityNeed>> PostNeed(PostNeedRequest request, ClaimsPrincipal caller, GridDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var gridCode = string.IsNullOrWhiteSpace(request.GridCode) ? null : await db.RequireGridAsync(request.GridCode, GridScope.Of(caller), cancellationToken);
        var need = CommunityNeed.Post(gridCode, request.Category, request.Title, request.Description, time.GetUtcNow());
        db.CommunityNeeds.Add(need);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created("/api/grid/four-lists", need);
    }

    public static async Task<Created<MemberOffer>> MakeOffer(MakeOfferRequest request, ClaimsPrincipal caller, GridDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var gridCode = string.IsNullOrWhiteSpace(request.GridCode) ? null : await db.RequireGridAsync(request.GridCode, GridScope.Of(caller), cancellationToken);
        var offer = MemberOffer.Make(request.MemberId, request.MemberName, gridCode, request.Category, request.Description, time.GetUtcNow());
        db.MemberOffers.Add(offer);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created("/api/grid/four-lists", offer);
    }

    public static async Task<Ok<FourListsResponse>> FourLists(ClaimsPrincipal caller, GridDbContext db, [AsParameters] FourListsFilter filter, CancellationToken cancellationToken)
    {
        var code = filter.CategoryCode();
        var needs = await FourListsFilter.Apply(db.CommunityNeeds.AsNoTracking(), n => n.Category, code).OrderByDescending(n => n.PostedAt).Take(500).ToListAsync(cancellationToken);
        var partners = await db.PartnerUnits.AsNoTracking().ToListAsync(cancellationToken);
        var wishes = await FourListsFilter.Apply(GridScope.Of(caller).Filter(db.MicroWishes.AsNoTracking(), w => w.GridCode), w => w.Category, code)
            .Where(w => w.Status == MicroWishStatus.Open).OrderBy(w => w.PostedAt).Take(500).ToListAsync(cancellationToken);
        var offers = await FourListsFilter.Apply(db.MemberOffers.AsNoTracking(), o => o.Category, code).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok(new FourListsResponse(
            needs,
            partners.SelectMany(p => FourListsFilter.Apply(p.Resources.AsQueryable(), r => r.Category, code).AsEnumerable().Select(r => new PartnerSuggestion(p.Id, p.Name, p.GridCode, [r.Description]))).ToList(),
            wishes.Select(MicroWishResponse.From).ToList(),
            offers));
    }
}

public sealed record PostWishRequest(string? GridCode, string? Category, string? Title, string? Description, string? PosterName, Guid? PosterResidentId = null);

public sealed record ClaimWishRequest(Guid? MemberId = null, Guid? PartnerUnitId = null, string? ClaimantName = null);

public sealed record FulfilWishRequest(string? Note, IReadOnlyList<string>? Evidence);

public sealed record PostNeedRequest(string? Category, string? Title, string? Description, string? GridCode = null);

public sealed record MakeOfferRequest(Guid? MemberId, string? MemberName, string? Category, string? Description, string? GridCode = null);

/// <summary>A wish as the lists show it; the poster's name stays with the grid workers' records.</summary>
public sealed record MicroWishResponse(
    Guid Id, string GridCode, string Category, string CategoryLabel, string Title, string Description, MicroWishStatus Status,
    string? ClaimantName, DateTimeOffset PostedAt, DateTimeOffset? ClaimedAt, DateTimeOffset? FulfilledAt, IReadOnlyList<string> Evidence)
{
    public static MicroWishResponse From(MicroWish w) => new(
        w.Id, w.GridCode, w.Category, NeedCategories.All[Enum.Parse<NeedCategory>(w.Category)], w.Title, w.Description, w.Status, w.ClaimantName,
        w.PostedAt, w.ClaimedAt, w.FulfilledAt, w.Evidence);
}

public sealed record PartnerSuggestion(Guid PartnerUnitId, string Name, string? GridCode, IReadOnlyList<string> Resources);

public sealed record MemberSuggestion(Guid MemberId, string MemberName, string? GridCode, string Offer);

public sealed record WishMatchResponse(MicroWishResponse Wish, IReadOnlyList<PartnerSuggestion> Partners, IReadOnlyList<MemberSuggestion> Members);

public sealed record FourListsResponse(
    IReadOnlyList<CommunityNeed> CommunityNeeds, IReadOnlyList<PartnerSuggestion> PartnerResources, IReadOnlyList<MicroWishResponse> ResidentWishes, IReadOnlyList<MemberOffer> MemberActions);

/// <summary>The filters of the wish list; every one is optional and they combine.</summary>
public sealed class MicroWishFilter
{
    [FromQuery(Name = "gridCode")]
    public string? GridCode { get; init; }

    [FromQuery(Name = "status")]
    public string? Status { get; init; }

    [FromQuery(Name = "category")]
    public string? Category { get; init; }

    [FromQuery(Name = "postedFrom")]
    public DateOnly? PostedFrom { get; init; }

    [FromQuery(Name = "postedTo")]
    public DateOnly? PostedTo { get; init; }

    [FromQuery(Name = "claimedFrom")]
    public DateOnly? ClaimedFrom { get; init; }

    [FromQuery(Name = "claimedTo")]
    public DateOnly? ClaimedTo { get; init; }

    [FromQuery(Name = "fulfilledFrom")]
    public DateOnly? FulfilledFrom { get; init; }

    [FromQuery(Name = "fulfilledTo")]
    public DateOnly? FulfilledTo { get; init; }

    internal IQueryable<MicroWish> Apply(IQueryable<MicroWish> wishes)
    {
        var validation = new Validation();
        var status = Status is null ? null : validation.RequireOneOf(Status, "status", MicroWishStatuses.All);
        var category = Category is null ? null : validation.RequireOneOf(Category, "category", NeedCategories.All)?.ToString();
        var posted = DayRange.Of(PostedFrom, PostedTo, "postedFrom", "postedTo", validation);
        var claimed = DayRange.Of(ClaimedFrom, ClaimedTo, "claimedFrom", "claimedTo", validation);
        var fulfilled = DayRange.Of(FulfilledFrom, FulfilledTo, "fulfilledFrom", "fulfilledTo", validation);
        validation.ThrowIfInvalid();

        wishes = wishes.WhereIf(GridCode is not null, w => w.GridCode == GridCode);
        wishes = wishes.WhereIf(status is not null, w => w.Status == status);
        wishes = wishes.WhereIf(category is not null, w => w.Category == category);

        return MicroWish.FulfilledWithin(MicroWish.ClaimedWithin(MicroWish.PostedWithin(wishes, posted), claimed), fulfilled);
    }
}

/// <summary>The filter of the wish matching.</summary>
public sealed class WishMatchFilter
{
    [FromQuery(Name = "gridCode")]
    public string? GridCode { get; init; }

    internal IQueryable<MicroWish> Apply(IQueryable<MicroWish> wishes)
    {
        wishes = wishes.WhereIf(GridCode is not null, w => w.GridCode == GridCode);

        return wishes;
    }
}

/// <summary>The filter of the four lists (四张清单): one need category for all four, or every category.</summary>
public sealed class FourListsFilter
{
    [FromQuery(Name = "category")]
    public string? Category { get; init; }

    /// <summary>The category's code, checked; null for every category.</summary>
    internal string? CategoryCode()
    {
        var validation = new Validation();
        var code = Category is null ? null : validation.RequireOneOf(Category, "category", NeedCategories.All)?.ToString();
        validation.ThrowIfInvalid();
        return code;
    }

    /// <summary>The rows of one list whose <paramref name="category"/> is <paramref name="code"/>; every row when it is null.</summary>
    internal static IQueryable<T> Apply<T>(IQueryable<T> rows, Expression<Func<T, string>> category, string? code) =>
        code is null
            ? rows
            : rows.Where(Expression.Lambda<Func<T, bool>>(
                Expression.Equal(category.Body, Expression.Property(Expression.Constant(new Captured(code)), nameof(Captured.Value))), category.Parameters));

    /// <summary>The code read from a captured object, as a closure would be, so the database sees a query parameter rather than a literal.</summary>
    private sealed record Captured(string Value);
}
