using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.ServiceKit.Security;

namespace CommunityPlatform.Grid.FunctionalTests;

[Collection(GridApiCollection.Name)]
public sealed class MicroWishesApiTests(GridApiFixture fixture)
{
    private HttpClient Client => fixture.Client;

    private async Task<(string Grid, Guid Wish)> PostWishAsync(string category = "助老")
    {
        var grid = await Client.CreateGridAsync();
        var resident = fixture.App.CreateClientAs(CommunityRoles.Resident, grid);
        var wish = await resident.PostOkAsync("/api/grid/micro-wishes", new
        {
            gridCode = grid, category, title = "想要一台助行器", description = "腿脚不便，希望有一台助行器方便下楼", posterName = "刘奶奶",
        });
        Assert.Equal("Open", wish.GetProperty("status").GetString());
        return (grid, wish.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_wish_claimed_by_a_member_and_fulfilled_with_evidence_publishes_both_events_naming_the_member()
    {
        var (_, wish) = await PostWishAsync();
        var member = Guid.NewGuid();
        var claimed = await Client.PostOkAsync($"/api/grid/micro-wishes/{wish}/claim", new { memberId = member, claimantName = "党员张伟" }, HttpStatusCode.OK);
        Assert.Equal("Claimed", claimed.GetProperty("status").GetString());
        await (await Client.PostAsJsonAsync($"/api/grid/micro-wishes/{wish}/claim", new { memberId = Guid.NewGuid(), claimantName = "晚来的" })).AssertRuleAsync("micro-wish.not-open");

        Assert.Contains("between 1 and 20", await (await Client.PostAsJsonAsync($"/api/grid/micro-wishes/{wish}/fulfilment", new { note = "已送达" }))
            .AssertInvalidAsync("evidence"));
        var fulfilled = await Client.PostOkAsync($"/api/grid/micro-wishes/{wish}/fulfilment", new { note = "已送达并教会使用", evidence = new[] { "photos/walker.jpg" } }, HttpStatusCode.OK);
        Assert.Equal("Fulfilled", fulfilled.GetProperty("status").GetString());

        Assert.Equal(member.ToString(), await fixture.ScalarAsync<string>(
            $"SELECT payload->>'memberId' FROM outbox_messages WHERE message_type LIKE '%MicroWishFulfilled' AND payload->>'microWishId' = '{wish}'"));
        Assert.Equal(1, await fixture.ScalarAsync<long>(
            $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%MicroWishClaimed' AND payload->>'microWishId' = '{wish}'"));
        Assert.DoesNotContain("刘奶奶", await fixture.ScalarAsync<string>(
            $"SELECT string_agg(payload::text, '') FROM outbox_messages WHERE payload->>'microWishId' = '{wish}'"));
    }

    [Fact]
    public async Task An_unclaimed_wish_cannot_be_fulfilled_and_a_claim_names_one_claimant()
    {
        var (_, wish) = await PostWishAsync();
        await (await Client.PostAsJsonAsync($"/api/grid/micro-wishes/{wish}/fulfilment", new { note = "送到", evidence = new[] { "p.jpg" } })).AssertRuleAsync("micro-wish.not-claimed");
        Assert.Contains("either", await (await Client.PostAsJsonAsync($"/api/grid/micro-wishes/{wish}/claim", new { claimantName = "无人" })).AssertInvalidAsync("memberId"));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PostAsJsonAsync($"/api/grid/micro-wishes/{Guid.NewGuid()}/claim", new { memberId = Guid.NewGuid(), claimantName = "x" })).StatusCode);
    }

    [Fact]
    public async Task Matching_suggests_the_partners_and_members_offering_the_wishs_category_those_of_its_grid_first()
    {
        var (grid, wish) = await PostWishAsync("ElderlyCare");
        await Client.PostOkAsync("/api/grid/partner-units", new { name = "县人民医院" + grid, resources = new[] { new { category = "助老", description = "上门健康检查" } } });
        await Client.PostOkAsync("/api/grid/partner-units", new { name = "幸福超市" + grid, gridCode = grid, resources = new[] { new { category = "ElderlyCare", description = "助老送货" } } });
        await Client.PostOkAsync("/api/grid/partner-units", new { name = "律师事务所" + grid, resources = new[] { new { category = "法律", description = "免费法律咨询" } } });
        var member = Guid.NewGuid();
        await Client.PostOkAsync("/api/grid/member-offers", new { memberId = member, memberName = "李秀兰", category = "助老", description = "每周陪老人聊天", gridCode = grid });

        var matches = await Client.GetFromJsonAsync<JsonElement>($"/api/grid/micro-wishes/matches?gridCode={grid}");
        var match = matches.EnumerateArray().Single(m => m.GetProperty("wish").GetProperty("id").GetGuid() == wish);
        var partners = match.GetProperty("partners").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal("幸福超市" + grid, partners[0]);
        Assert.Contains("县人民医院" + grid, partners);
        Assert.DoesNotContain("律师事务所" + grid, partners);
        Assert.Equal(member, match.GetProperty("members")[0].GetProperty("memberId").GetGuid());

        var lists = await Client.GetFromJsonAsync<JsonElement>("/api/grid/four-lists?category=助老");
        Assert.Contains(lists.GetProperty("residentWishes").EnumerateArray(), w => w.GetProperty("id").GetGuid() == wish);
        Assert.Contains(lists.GetProperty("memberActions").EnumerateArray(), o => o.GetProperty("memberId").GetGuid() == member);
        Assert.DoesNotContain(lists.GetProperty("partnerResources").EnumerateArray(), p => p.GetProperty("name").GetString() == "律师事务所" + grid);
        Assert.Contains("one of", await (await Client.GetAsync("/api/grid/four-lists?category=占卜")).AssertInvalidAsync("category"));
    }
}
