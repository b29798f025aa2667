using System.Security.Claims;
using CommunityPlatform.Grid.Domain;
using CommunityPlatform.Grid.Extensions;
using CommunityPlatform.Grid.Infrastructure;
using CommunityPlatform.Messaging.Outbox;
using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.ServiceKit.Web;
using Microsoft.AspNetCore.Http.HttpResults;
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
        ClaimsPrincipal caller, GridDbContext db, string? gridCode, string? status, string? category,
        DateOnly? postedFrom, DateOnly? postedTo, DateOnly? claimedFrom, DateOnly? claimedTo, DateOnly? fulfilledFrom, DateOnly? fulfilledTo,
        Guid? cursor, int? limit, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var parsedStatus = status is null ? null : validation.RequireOneOf(status, "status", MicroWishStatuses.All);
        var parsedCategory = category is null ? null : validation.RequireOneOf(category, "category", NeedCategories.All)?.ToString();
        var posted = DayRange.Of(postedFrom, postedTo, "postedFrom", "postedTo", validation);
        var claimed = DayRange.Of(claimedFrom, claimedTo, "claimedFrom", "claimedTo", validation);
        var fulfilled = DayRange.Of(fulfilledFrom, fulfilledTo, "fulfilledFrom", "fulfilledTo", validation);
        validation.ThrowIfInvalid();
        var wishes = GridScope.Of(caller).Filter(db.MicroWishes.AsNoTracking(), w => w.GridCode)
            .Where(w => (gridCode == null || w.GridCode == gridCode) && (parsedStatus == null || w.Status == parsedStatus) && (parsedCategory == null || w.Category == parsedCategory));
        wishes = MicroWish.FulfilledWithin(MicroWish.ClaimedWithin(MicroWish.PostedWithin(wishes, posted), claimed), fulfilled);
        return TypedResults.Ok(await wishes.ToPageAsync(w => w.Id, cursor, limit, MicroWishResponse.From, cancellationToken));
    }

    public static async Task<Ok<List<WishMatchResponse>>> MatchWishes(ClaimsPrincipal caller, GridDbContext db, string? gridCode, CancellationToken cancellationToken)
    {
        var open = await GridScope.Of(caller).Filter(db.MicroWishes.AsNoTracking(), w => w.GridCode)
            .Where(w => w.Status == MicroWishStatus.Open && (gridCode == null || w.GridCode == gridCode))
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
        db.AddIntegrationEvent(wish.Claim(request.MemberId, partner, request.ClaimantName, time.GetUtcNow()));
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

        db.AddIntegrationEvent(wish.Fulfil(request.Note, request.Evidence, time.GetUtcNow()));
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

    public static async Task<Ok<FourListsResponse>> FourLists(ClaimsPrincipal caller, GridDbContext db, string? category, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var code = category is null ? null : validation.RequireOneOf(category, "category", NeedCategories.All)?.ToString();
        validation.ThrowIfInvalid();
        var needs = await db.CommunityNeeds.AsNoTracking().Where(n => code == null || n.Category == code).OrderByDescending(n => n.PostedAt).Take(500).ToListAsync(cancellationToken);
        var partners = await db.PartnerUnits.AsNoTracking().ToListAsync(cancellationToken);
        var wishes = await GridScope.Of(caller).Filter(db.MicroWishes.AsNoTracking(), w => w.GridCode)
            .Where(w => w.Status == MicroWishStatus.Open && (code == null || w.Category == code)).OrderBy(w => w.PostedAt).Take(500).ToListAsync(cancellationToken);
        var offers = await db.MemberOffers.AsNoTracking().Where(o => code == null || o.Category == code).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok(new FourListsResponse(
            needs,
            partners.SelectMany(p => p.Resources.Where(r => code == null || r.Category == code).Select(r => new PartnerSuggestion(p.Id, p.Name, p.GridCode, [r.Description]))).ToList(),
            wishes.Select(MicroWishResponse.From).ToList(),
            offers));
    }
}

public static class MicroWishStatuses
{
    public static readonly IReadOnlyDictionary<MicroWishStatus, string> All = new Dictionary<MicroWishStatus, string>
    {
        [MicroWishStatus.Open] = "待认领",
        [MicroWishStatus.Claimed] = "已认领",
        [MicroWishStatus.Fulfilled] = "已实现",
    };
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
