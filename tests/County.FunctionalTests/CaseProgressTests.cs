using System.Net;
using System.Text.Json;
using CommunityPlatform.Contracts.Grid;
using CommunityPlatform.TestSupport;
using static CommunityPlatform.County.FunctionalTests.CountyApi;

namespace CommunityPlatform.County.FunctionalTests;

/// <summary>The grid's matter events move a signed-for case on, on GET of the case and on the feed.</summary>
[Collection(CountyApiCollection.Name)]
public sealed class CaseProgressTests(CountyApiFixture fixture)
{
    private HttpClient County => fixture.County;

    private async Task<Guid> SignedForCaseAsync()
    {
        var id = await County.SubmitCaseAsync("environment");
        await fixture.Secretary.PostOkAsync($"/api/county/cases/{id}/sign-for", new { grid_code = Grid, note = "请网格员当日处理" }, HttpStatusCode.OK);
        return id;
    }

    private static MatterReported Reported(Guid caseId, Guid matterId) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, MatterId = matterId, GridCode = Grid, Category = "Environment",
        Location = "幸福小区3栋2单元", ReportedAt = DateTimeOffset.UtcNow, Source = "CountyCase", ServiceRequestId = caseId,
    };

    private static MatterResolved Resolved(Guid caseId, Guid matterId) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, MatterId = matterId, GridCode = Grid, Category = "Environment",
        ResolvedAt = DateTimeOffset.UtcNow, ServiceRequestId = caseId,
    };

    private static MatterClosed Closed(Guid caseId, Guid matterId) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, MatterId = matterId, GridCode = Grid, Category = "Environment",
        Satisfaction = 5, ClosedAt = DateTimeOffset.UtcNow, ServiceRequestId = caseId,
    };

    private Task<JsonElement> CaseInStateAsync(Guid id, string state) =>
        Eventually.ReturnsAsync(() => County.GetCaseAsync(id), c => c.GetProperty("state").GetString() == state, Patience, $"case {id} {state}");

    [Fact]
    public async Task The_matter_opened_resolved_and_closed_moves_the_case_to_in_progress_resolved_and_closed()
    {
        var id = await SignedForCaseAsync();
        var matter = Guid.NewGuid();
        var start = await County.FeedEndAsync();

        await fixture.Bus.PublishAsync(Reported(id, matter));
        var inProgress = await CaseInStateAsync(id, "in_progress");
        Assert.Equal(matter, inProgress.GetProperty("matter_id").GetGuid());
        Assert.Equal("open", inProgress.GetProperty("status").GetString());

        await fixture.Bus.PublishAsync(Resolved(id, matter));
        var resolved = await CaseInStateAsync(id, "resolved");
        Assert.Equal("open", resolved.GetProperty("status").GetString());
        Assert.True(resolved.GetProperty("updated_datetime").GetDateTimeOffset() >= inProgress.GetProperty("updated_datetime").GetDateTimeOffset());

        await fixture.Bus.PublishAsync(Closed(id, matter));
        var closed = await CaseInStateAsync(id, "closed");
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal("已回访销号，满意度 5/5", closed.GetProperty("status_notes").GetString());

        // On the feed each matter event is followed by the case's change, which carries the case's Open311 view.
        var events = await County.ReadFeedUntilAsync(start, e => e.Count(x => x.Subject() == id.ToString()) == 3, "the case's three changes");
        var changes = events.Where(e => e.Subject() == id.ToString()).Select(e => e.GetProperty("data")).ToList();
        Assert.Equal(["in_progress", "resolved", "closed"], changes.Select(c => c.GetProperty("state").GetString()));
        Assert.Equal(["open", "open", "closed"], changes.Select(c => c.GetProperty("status").GetString()));
        Assert.All(changes, c => Assert.Equal(matter, c.GetProperty("matter_id").GetGuid()));
        Assert.Equal(closed.GetProperty("status_notes").GetString(), changes[^1].GetProperty("status_notes").GetString());
        Assert.Equal(closed.GetProperty("updated_datetime").GetDateTimeOffset(), changes[^1].GetProperty("updated_datetime").GetDateTimeOffset());
        var matterEvents = events.Where(e => e.Subject() == matter.ToString()).Select(e => e.Type()).ToList();
        Assert.Equal(
            ["cn.communityplatform.grid.matter-reported.v1", "cn.communityplatform.grid.matter-resolved.v1", "cn.communityplatform.grid.matter-closed.v1"],
            matterEvents);
    }

    [Fact]
    public async Task A_matter_rated_dissatisfied_and_sent_back_takes_its_resolved_case_back_to_in_progress_until_it_is_resolved_again()
    {
        var id = await SignedForCaseAsync();
        var matter = Guid.NewGuid();
        await fixture.Bus.PublishAsync(Reported(id, matter));
        await fixture.Bus.PublishAsync(Resolved(id, matter));
        await CaseInStateAsync(id, "resolved");

        await fixture.Bus.PublishAsync(new MatterReopened
        {
            EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, MatterId = matter, GridCode = Grid, Category = "Environment",
            Satisfaction = 2, ReopenedAt = DateTimeOffset.UtcNow, ServiceRequestId = id,
        });
        var back = await CaseInStateAsync(id, "in_progress");
        Assert.Equal("回访不满意（2/5），退回重办", back.GetProperty("status_notes").GetString());

        await fixture.Bus.PublishAsync(Resolved(id, matter));
        await CaseInStateAsync(id, "resolved");
        await fixture.Bus.PublishAsync(Closed(id, matter));
        await CaseInStateAsync(id, "closed");
    }

    [Fact]
    public async Task Matter_events_that_overtake_each_other_only_ever_move_the_case_forward()
    {
        var id = await SignedForCaseAsync();
        var matter = Guid.NewGuid();
        var resolved = Resolved(id, matter);
        var reported = Reported(id, matter);

        await fixture.Bus.PublishAsync(resolved);
        var state = await CaseInStateAsync(id, "resolved");
        Assert.Equal(matter, state.GetProperty("matter_id").GetGuid());

        await fixture.Bus.PublishAsync(reported);
        await fixture.Bus.PublishAsync(resolved);
        await Eventually.ReturnsAsync(() => fixture.ScalarAsync<long>($"SELECT count(*) FROM feed_events WHERE event_id = '{reported.EventId}'"), n => n == 1, Patience, "the late MatterReported");
        Assert.Equal("resolved", (await County.GetCaseAsync(id)).GetProperty("state").GetString());
        // received, signed_for, resolved: the late in_progress is not announced.
        Assert.Equal(3, await fixture.ScalarAsync<long>($"SELECT count(*) FROM feed_events WHERE subject = '{id}' AND type LIKE '%county-case-status-changed.v1'"));
        Assert.Equal(1, await fixture.ScalarAsync<long>($"SELECT count(*) FROM feed_events WHERE event_id = '{resolved.EventId}'"));
    }

    [Fact]
    public async Task Matter_events_for_no_county_case_go_on_the_feed_and_change_no_case()
    {
        var id = await County.SubmitCaseAsync();
        var plain = Reported(Guid.NewGuid(), Guid.NewGuid()) with { Source = "Report", ServiceRequestId = null };
        var stray = Reported(Guid.NewGuid(), Guid.NewGuid());
        var early = Reported(id, Guid.NewGuid());

        await fixture.Bus.PublishAsync(plain);
        await fixture.Bus.PublishAsync(stray);
        await fixture.Bus.PublishAsync(early);
        foreach (var e in new[] { plain, stray, early })
        {
            await Eventually.ReturnsAsync(() => fixture.ScalarAsync<long>($"SELECT count(*) FROM feed_events WHERE event_id = '{e.EventId}'"), n => n == 1, Patience, "the matter event");
        }

        // A case the community has not signed for yet is not moved by a matter that claims it.
        var unchanged = await County.GetCaseAsync(id);
        Assert.Equal("received", unchanged.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, unchanged.GetProperty("matter_id").ValueKind);
    }
}
