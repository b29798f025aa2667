using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CommunityPlatform.Contracts;
using CommunityPlatform.Contracts.Grid;
using CommunityPlatform.Contracts.Membership;
using CommunityPlatform.County.Infrastructure;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CommunityPlatform.County.FunctionalTests.CountyApi;

namespace CommunityPlatform.County.FunctionalTests;

[Collection(CountyApiCollection.Name)]
public sealed partial class FeedTests(CountyApiFixture fixture)
{
    private const int Limit = 7;

    private HttpClient County => fixture.County;

    private static PointsAwarded Points() => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, MemberId = Guid.NewGuid(), Points = 1, Reason = "Attendance", Source = $"meeting:{Guid.NewGuid()}",
    };

    private static MeetingHeld Meeting() => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, MeetingId = Guid.NewGuid(), OrganisationCode = "DZB", Kind = "StudySession",
        HeldOn = DateOnly.FromDateTime(DateTime.UtcNow), Present = 20, Absent = 1,
    };

    private static GridRenamed Renamed() => new() { EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, GridCode = "FEED-" + Guid.NewGuid().ToString("N")[..6], Name = "改名网格" };

    /// <summary>
    /// Writes one event straight to the feed and holds its commit back a little while, as a slow consumer would:
    /// without the feed's lock, a later writer's larger position would commit first and a reader at its cursor would
    /// skip this one for good.
    /// </summary>
    private async Task WriteSlowlyAsync(IntegrationEvent integrationEvent)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CountyDbContext>();
        var delay = Random.Shared.Next(0, 80) / 1000.0;
        await db.InTransactionAsync(async ct =>
        {
            await db.AppendToFeedAsync(integrationEvent, DateTimeOffset.UtcNow, ct);
            await db.SaveChangesAsync(ct);
            await db.Database.ExecuteSqlAsync($"SELECT pg_sleep({delay})", ct);
            return true;
        }, CancellationToken.None);
    }

    [Fact]
    public async Task A_writer_that_has_not_committed_holds_later_writers_back_so_a_reader_at_the_end_never_skips_its_event()
    {
        var start = await County.FeedEndAsync();
        var (slow, fast) = (Points(), Points());
        var appended = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CountyDbContext>();
        var slowWriter = db.InTransactionAsync(async ct =>
        {
            await db.AppendToFeedAsync(slow, DateTimeOffset.UtcNow, ct);
            await db.SaveChangesAsync(ct);
            appended.TrySetResult();
            await release.Task;
            return true;
        }, CancellationToken.None);
        await appended.Task;

        var fastWriter = WriteSlowlyAsync(fast);
        await Task.Delay(500);
        Assert.False(fastWriter.IsCompleted, "a later writer committed while an earlier one was still open");
        var ids = new[] { slow.EventId.ToString(), fast.EventId.ToString() };
        Assert.DoesNotContain((await County.ReadFeedAsync(start, 200)).GetProperty("events").EnumerateArray(), e => ids.Contains(e.GetProperty("id").GetString()));

        release.SetResult();
        await Task.WhenAll(slowWriter, fastWriter);
        var events = await County.ReadFeedUntilAsync(start, e => e.Count(x => ids.Contains(x.GetProperty("id").GetString())) == 2, "both writes");
        Assert.Equal(ids, events.Select(e => e.GetProperty("id").GetString()).Where(ids.Contains));
    }

    [Fact]
    public async Task Under_concurrent_writers_a_reader_in_small_pages_sees_every_event_once_in_order_and_resumes_after_a_crash_without_gaps()
    {
        var start = await County.FeedEndAsync();
        var expectedIds = new ConcurrentBag<string>();
        var expectedCases = new ConcurrentBag<string>();

        async Task BusWriterAsync(int writer)
        {
            for (var i = 0; i < 30; i++)
            {
                IntegrationEvent e = ((writer + i) % 3) switch { 0 => Points(), 1 => Meeting(), _ => Renamed() };
                await fixture.Bus.PublishAsync(e);
                expectedIds.Add(e.EventId.ToString());
            }
        }

        async Task DirectWriterAsync()
        {
            for (var i = 0; i < 20; i++)
            {
                var e = Points();
                await WriteSlowlyAsync(e);
                expectedIds.Add(e.EventId.ToString());
            }
        }

        async Task CaseWriterAsync()
        {
            for (var i = 0; i < 5; i++)
            {
                expectedCases.Add((await County.SubmitCaseAsync()).ToString());
            }
        }

        var writers = Task.WhenAll([
            .. Enumerable.Range(0, 4).Select(BusWriterAsync),
            .. Enumerable.Range(0, 6).Select(_ => DirectWriterAsync()),
            .. Enumerable.Range(0, 2).Select(_ => CaseWriterAsync())]);

        // The reader processes page by page and saves its cursor after each; half way it crashes after reading a page
        // it never processed, and a new reader starts from the saved cursor.
        var processed = new List<JsonElement>();
        var savedCursor = start;
        var crashed = false;
        var drained = false;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (true)
        {
            if (writers.IsFaulted)
            {
                await writers;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the reader saw {processed.Count} events; writers done: {writers.IsCompleted}");
            var page = await County.ReadFeedAsync(savedCursor, Limit);
            var events = page.GetProperty("events").EnumerateArray().ToList();
            if (!crashed && processed.Count > 40)
            {
                crashed = true;
                continue;
            }

            processed.AddRange(events);
            savedCursor = page.GetProperty("next_cursor").GetString()!;
            if (drained && events.Count < Limit)
            {
                break;
            }

            // Once every write is on the feed, reading on to the end must have shown the reader all of them.
            drained = writers.IsCompleted && await AllOnFeedAsync(expectedIds, expectedCases);
            // The reader keeps up with the writers, reading at the feed's moving end, where a gap would show.
            await Task.Delay(5);
        }

        await writers;
        var missing = Missing(processed, expectedIds, expectedCases);
        Assert.True(missing.Count == 0, $"the reader never saw {missing.Count} events: {string.Join(", ", missing.Take(5))}");
        Assert.True(crashed);
        var ids = processed.Select(e => e.GetProperty("id").GetString()!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var sequences = processed.Select(e => e.GetProperty("sequence").GetString()!).ToList();
        Assert.All(sequences.Zip(sequences.Skip(1)), pair => Assert.True(string.CompareOrdinal(pair.First, pair.Second) < 0, $"{pair.First} before {pair.Second}"));
        Assert.Equal(savedCursor, sequences[^1]);

        // Paging the same stretch again gives exactly what the reader processed: no event committed behind its back
        // with a smaller position. A full page read twice is the same page, to the byte.
        var again = new List<string>();
        var fullPages = 0;
        for (var cursor = start; string.CompareOrdinal(cursor, savedCursor) < 0;)
        {
            var page = await County.ReadFeedAsync(cursor, Limit);
            if (page.GetProperty("events").GetArrayLength() == Limit)
            {
                Assert.Equal(page.GetRawText(), (await County.ReadFeedAsync(cursor, Limit)).GetRawText());
                fullPages++;
            }

            again.AddRange(page.GetProperty("events").EnumerateArray()
                .Where(e => string.CompareOrdinal(e.GetProperty("sequence").GetString(), savedCursor) <= 0)
                .Select(e => e.GetProperty("id").GetString()!));
            cursor = page.GetProperty("next_cursor").GetString()!;
        }

        Assert.Equal(ids, again);
        Assert.True(fullPages > 20, $"{fullPages} full pages");
    }

    private static List<string> Missing(List<JsonElement> processed, ConcurrentBag<string> ids, ConcurrentBag<string> cases)
    {
        var seenIds = processed.Select(e => e.GetProperty("id").GetString()!).ToHashSet();
        var seenSubjects = processed.Select(e => e.Subject()).ToHashSet();
        return [.. ids.Where(id => !seenIds.Contains(id)), .. cases.Where(c => !seenSubjects.Contains(c))];
    }

    private async Task<bool> AllOnFeedAsync(ConcurrentBag<string> ids, ConcurrentBag<string> cases)
    {
        var onFeed = await fixture.ScalarAsync<long>(
            $"SELECT count(*) FROM feed_events WHERE event_id::text IN ('{string.Join("','", ids)}') OR (subject IN ('{string.Join("','", cases)}') AND data->>'state' = 'received')");
        return onFeed == ids.Count + cases.Count;
    }

    [Fact]
    public async Task Every_event_is_a_CloudEvent_with_a_cursor_a_page_reads_the_same_twice_and_bad_cursors_are_400()
    {
        var start = await County.FeedEndAsync();
        var published = new[] { Points(), Points(), Points() };
        foreach (var e in published)
        {
            await fixture.Bus.PublishAsync(e);
        }

        var events = await County.ReadFeedUntilAsync(start, e => published.All(p => e.Any(x => x.GetProperty("id").GetString() == p.EventId.ToString())), "three events");
        foreach (var e in events)
        {
            Assert.Equal("1.0", e.GetProperty("specversion").GetString());
            Assert.True(Guid.TryParse(e.GetProperty("id").GetString(), out _));
            Assert.Matches(CloudEventType(), e.Type());
            Assert.Matches("^/communityplatform/[a-z]+$", e.GetProperty("source").GetString()!);
            Assert.False(string.IsNullOrEmpty(e.Subject()));
            Assert.Equal("application/json", e.GetProperty("datacontenttype").GetString());
            Assert.Matches("^[0-9]{19}$", e.GetProperty("sequence").GetString()!);
            Assert.Equal(JsonValueKind.Object, e.GetProperty("data").ValueKind);
            Assert.Equal(TimeSpan.Zero, e.GetProperty("time").GetDateTimeOffset().Offset);
        }

        var points = events.Single(e => e.GetProperty("id").GetString() == published[0].EventId.ToString());
        Assert.Equal("cn.communityplatform.membership.points-awarded.v1", points.Type());
        Assert.Equal(published[0].MemberId.ToString(), points.Subject());
        Assert.Equal(published[0].OccurredAt.ToUnixTimeMilliseconds(), points.GetProperty("time").GetDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.Equal(published[0].Source, points.GetProperty("data").GetProperty("source").GetString());

        var page = await County.ReadFeedAsync(start, 2);
        Assert.Equal(page.GetRawText(), (await County.ReadFeedAsync(start, 2)).GetRawText());
        Assert.Equal(2, page.GetProperty("events").GetArrayLength());
        // The cursor is accepted without its leading zeros, and an empty page hands the cursor back.
        var next = page.GetProperty("next_cursor").GetString()!;
        Assert.Equal(
            (await County.ReadFeedAsync(next, 5)).GetRawText(),
            (await County.ReadFeedAsync(long.Parse(next, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture), 5)).GetRawText());
        var beyond = long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var empty = await County.ReadFeedAsync(beyond, 5);
        Assert.Equal(0, empty.GetProperty("events").GetArrayLength());
        Assert.Equal(beyond, empty.GetProperty("next_cursor").GetString());
        Assert.Equal(1, (await County.ReadFeedAsync(start, 0)).GetProperty("events").GetArrayLength());

        foreach (var bad in new[] { "abc", "-1", "1.5", "00000000000000000000001", "99999999999999999999" })
        {
            await (await County.GetAsync($"/api/county/events?after={bad}")).AssertInvalidAsync("after");
        }
    }

    [Fact]
    public async Task Only_the_county_reads_the_feed()
    {
        foreach (var role in new[] { CommunityRoles.Secretary, CommunityRoles.Staff, CommunityRoles.GridWorker, CommunityRoles.Resident, CommunityRoles.Member, CommunityRoles.Ops })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await fixture.As(role, Grid).GetAsync("/api/county/events")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Anonymous.GetAsync("/api/county/events")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await County.GetAsync("/api/county/events?limit=1")).StatusCode);
    }

    [GeneratedRegex(@"^cn\.communityplatform\.[a-z]+\.[a-z0-9-]+\.v1$")]
    private static partial Regex CloudEventType();
}
