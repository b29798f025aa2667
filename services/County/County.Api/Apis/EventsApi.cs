using System.Text.Json;
using System.Text.Json.Serialization;
using CommunityPlatform.County.Domain;
using CommunityPlatform.County.Extensions;
using CommunityPlatform.County.Infrastructure;
using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.ServiceKit.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.County.Apis;

/// <summary>
/// The suite's integration events for the county platform, as CloudEvents 1.0, in one stable order. A page read
/// twice is the same page; a reader that stops resumes after the last <c>sequence</c> it processed.
/// </summary>
public static class EventsApi
{
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/county/events", ReadEvents)
            .WithTags("Events")
            .WithName("ReadEvents")
            .WithSummary("The events after the cursor (after= the sequence of the last event processed; none for the start), oldest first, at most limit (1–200, 50 by default)")
            .ProducesValidationProblem()
            .RequireAuthorization(CountyPolicies.ReadFeed);
        return app;
    }

    public static async Task<Ok<FeedPage>> ReadEvents(CountyDbContext db, string? after, int? limit, CancellationToken cancellationToken)
    {
        new Validation().Require(FeedCursor.TryParse(after, out var from), "after",
            ValidationFailure.NotFound("must be the sequence of an event this feed returned (its next_cursor), or be left out to read from the start.")).ThrowIfInvalid();
        var take = Page<CloudEvent>.ClampLimit(limit);
        var events = (await db.FeedEvents.AsNoTracking().Where(e => e.Position > from).OrderBy(e => e.Position).Take(take).ToListAsync(cancellationToken))
            .Select(CloudEvent.From).ToList();
        return TypedResults.Ok(new FeedPage(events, events.Count > 0 ? events[^1].Sequence : FeedCursor.Of(from)));
    }
}

/// <summary>
/// One page of the feed. <c>next_cursor</c> is always set: pass it as <c>after</c> for the next page (on an empty
/// page it is the cursor you passed). A full page never changes; a page with fewer events than the limit is the
/// feed's end for now, and reading it again later may find more.
/// </summary>
public sealed record FeedPage(IReadOnlyList<CloudEvent> Events, string NextCursor);

/// <summary>
/// One event in the CloudEvents 1.0 JSON format; <c>sequence</c> is the CloudEvents sequence extension, and
/// <c>data</c> holds the event's fields in snake_case.
/// </summary>
public sealed record CloudEvent(
    [property: JsonPropertyName("specversion")] string SpecVersion,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("datacontenttype")] string DataContentType,
    [property: JsonPropertyName("sequence")] string Sequence,
    [property: JsonPropertyName("data")] JsonElement Data)
{
    public static CloudEvent From(FeedEvent e) => new(
        FeedCatalogue.SpecVersion, e.EventId.ToString(), e.Source, e.Type, e.Subject, e.Time, FeedCatalogue.DataContentType, FeedCursor.Of(e.Position),
        JsonSerializer.Deserialize<JsonElement>(e.Data));
}
