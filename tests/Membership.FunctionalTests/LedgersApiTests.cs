using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.ServiceKit.Security;

namespace CommunityPlatform.Membership.FunctionalTests;

/// <summary>Commitments, service posts and rectification lists: the registers the branch keeps on paper today.</summary>
[Collection(MembershipApiCollection.Name)]
public sealed class LedgersApiTests(MembershipApiFixture fixture)
{
    private static readonly DateOnly Today = MembershipApi.Today;

    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task A_commitment_is_made_with_items_fulfilled_one_by_one_with_evidence_and_readable_by_residents()
    {
        var member = await Client.RegisterMemberAsync("韩雪梅");
        var commitment = await Client.PostOkAsync("/api/membership/commitments", new
        {
            memberId = member, year = Today.Year, madeOn = Today,
            items = new[] { "每月参加一次环境整治志愿服务", "结对帮扶一户困难家庭" },
        });
        var id = commitment.GetProperty("id").GetGuid();

        var fulfilled = await Client.PostOkAsync($"/api/membership/commitments/{id}/fulfilments", new
        {
            itemNumber = 2, fulfilledOn = Today, note = "已走访并送去米面油", evidence = new[] { "photos/2026/visit-0412.jpg" },
        }, HttpStatusCode.OK);
        Assert.Equal(1, fulfilled.GetProperty("fulfilled").GetInt32());
        Assert.True(fulfilled.GetProperty("items")[1].GetProperty("fulfilled").GetBoolean());

        await (await Client.PostAsJsonAsync($"/api/membership/commitments/{id}/fulfilments", new
        {
            itemNumber = 2, fulfilledOn = Today, note = "再记一次", evidence = new[] { "photos/x.jpg" },
        })).AssertRuleAsync("commitment.item-fulfilled");
        Assert.Contains("at least one", await (await Client.PostAsJsonAsync($"/api/membership/commitments/{id}/fulfilments", new
        {
            itemNumber = 1, fulfilledOn = Today, note = "没有证据", evidence = Array.Empty<string>(),
        })).AssertInvalidAsync("evidence"));
        Assert.Contains("one of 1 to 2", await (await Client.PostAsJsonAsync($"/api/membership/commitments/{id}/fulfilments", new
        {
            itemNumber = 9, fulfilledOn = Today, note = "无此项", evidence = new[] { "photos/x.jpg" },
        })).AssertInvalidAsync("itemNumber"));
        Assert.Contains("between 1 and", await (await Client.PostAsJsonAsync("/api/membership/commitments", new
        {
            memberId = member, year = Today.Year, madeOn = Today, items = Array.Empty<string>(),
        })).AssertInvalidAsync("items"));

        var one = await Client.GetFromJsonAsync<JsonElement>($"/api/membership/commitments/{id}");
        Assert.Equal("已走访并送去米面油", one.GetProperty("items")[1].GetProperty("note").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/membership/commitments/{Guid.NewGuid()}")).StatusCode);

        var resident = fixture.App.CreateClientAs(CommunityRoles.Resident, "G02");
        var list = await resident.GetFromJsonAsync<JsonElement>($"/api/membership/commitments?memberId={member}");
        Assert.Equal("韩雪梅", list[0].GetProperty("memberName").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.PostAsJsonAsync("/api/membership/commitments", new { memberId = member })).StatusCode);
    }

    [Fact]
    public async Task A_service_post_is_claimed_by_members_without_an_office_up_to_its_capacity_and_reported_on()
    {
        var branch = MembershipApi.UniqueCode("SG");
        await fixture.CreateOrganisationAsync(branch, "设岗定责党支部", "Branch", MembershipApiFixture.GeneralBranch);
        var officeHolder = await Client.RegisterMemberAsync("鲍书记", branch);
        await Client.PostOkAsync($"/api/membership/organisations/{branch}/committee", new { memberId = officeHolder, post = "书记", startOn = Today.AddYears(-1) });
        var first = await Client.RegisterMemberAsync("宋春燕", branch);
        var second = await Client.RegisterMemberAsync("唐建军", branch);

        var post = await Client.PostOkAsync("/api/membership/service-posts", new { name = "红网格示范小区", duties = "每周巡查一次楼道，收集居民诉求", organisationCode = branch, capacity = 1 });
        var postId = post.GetProperty("id").GetGuid();

        await (await Client.PostAsJsonAsync($"/api/membership/service-posts/{postId}/claims", new { memberId = officeHolder, claimedOn = Today }))
            .AssertRuleAsync("service-post.office-holder");
        var claim = await Client.PostOkAsync($"/api/membership/service-posts/{postId}/claims", new { memberId = first, claimedOn = Today });
        await (await Client.PostAsJsonAsync($"/api/membership/service-posts/{postId}/claims", new { memberId = first, claimedOn = Today }))
            .AssertRuleAsync("service-post.already-claimed");
        var full = await (await Client.PostAsJsonAsync($"/api/membership/service-posts/{postId}/claims", new { memberId = second, claimedOn = Today }))
            .AssertRuleAsync("service-post.full");
        Assert.Equal(1, full.GetProperty("capacity").GetInt32());

        await (await Client.PostAsJsonAsync($"/api/membership/service-posts/{postId}/reports", new { memberId = second, reportedOn = Today, content = "未认领也想报告" }))
            .AssertRuleAsync("service-post.not-claimed");
        await Client.PostOkAsync($"/api/membership/service-posts/{postId}/reports", new
        {
            memberId = first, reportedOn = Today, content = "本周巡查3栋楼道，清理杂物2处", evidence = new[] { "photos/corridor-3.jpg" },
        });

        var posts = await fixture.App.CreateClientAs(CommunityRoles.Resident, "G02").GetFromJsonAsync<JsonElement>("/api/membership/service-posts");
        var listed = posts.EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == postId);
        Assert.Equal(first, listed.GetProperty("holders")[0].GetProperty("memberId").GetGuid());

        var detail = await Client.GetFromJsonAsync<JsonElement>($"/api/membership/service-posts/{postId}");
        Assert.Equal("宋春燕", detail.GetProperty("holders")[0].GetProperty("memberName").GetString());
        Assert.Equal(1, detail.GetProperty("reports").GetArrayLength());

        var claimId = claim.GetProperty("claimId").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await Client.PostAsJsonAsync($"/api/membership/service-posts/{postId}/claims/{claimId}/release", new { releasedOn = Today })).StatusCode);
        await Client.PostOkAsync($"/api/membership/service-posts/{postId}/claims", new { memberId = second, claimedOn = Today });
    }

    [Fact]
    public async Task Rectification_items_are_completed_only_with_evidence_and_the_overdue_ones_are_listed()
    {
        var source = "县委第三巡察组反馈 " + Guid.NewGuid().ToString("N")[..4];
        var late = await Client.PostOkAsync("/api/membership/rectifications", new
        {
            source, category = "组织建设", finding = "三会一课记录不规范", owner = "组织委员", deadline = Today.AddDays(-5), measures = "统一使用会议记录模板，逐月检查",
        });
        var onTime = await Client.PostOkAsync("/api/membership/rectifications", new
        {
            source, category = "作风建设", finding = "党员联系群众不够经常", owner = "书记", deadline = Today.AddDays(30), measures = "每名党员联系5户群众",
        });
        var lateId = late.GetProperty("id").GetGuid();
        Assert.True(late.GetProperty("overdue").GetBoolean());

        var overdue = await Client.GetFromJsonAsync<JsonElement>($"/api/membership/rectifications?overdue=true&source={Uri.EscapeDataString(source)}");
        Assert.Equal([lateId], overdue.EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));

        await Client.PostOkAsync($"/api/membership/rectifications/{lateId}/progress", new { progress = "已印发模板" }, HttpStatusCode.OK);
        Assert.Contains("at least one", await (await Client.PostAsJsonAsync($"/api/membership/rectifications/{lateId}/completion", new { completedOn = Today }))
            .AssertInvalidAsync("evidence"));
        var completed = await Client.PostOkAsync($"/api/membership/rectifications/{lateId}/completion", new { completedOn = Today, evidence = new[] { "docs/meeting-template.pdf" } }, HttpStatusCode.OK);
        Assert.Equal("Completed", completed.GetProperty("status").GetString());
        Assert.False(completed.GetProperty("overdue").GetBoolean());
        await (await Client.PostAsJsonAsync($"/api/membership/rectifications/{lateId}/progress", new { progress = "又改了" })).AssertRuleAsync("rectification.completed");

        overdue = await Client.GetFromJsonAsync<JsonElement>($"/api/membership/rectifications?overdue=true&source={Uri.EscapeDataString(source)}");
        Assert.Equal(0, overdue.GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/membership/rectifications/{Guid.NewGuid()}")).StatusCode);
        Assert.NotEqual(Guid.Empty, onTime.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task An_item_completed_after_its_deadline_is_listed_and_counted_as_completed_late()
    {
        var source = MembershipApi.UniqueCode("逾期完成");
        var statistics = $"/api/membership/statistics?from={Today.AddDays(-30):yyyy-MM-dd}&to={Today:yyyy-MM-dd}";
        var before = await Client.GetFromJsonAsync<JsonElement>(statistics);
        var late = await Client.PostOkAsync("/api/membership/rectifications", new
        {
            source, category = "组织建设", finding = "发展党员档案不全", owner = "组织委员", deadline = Today.AddDays(-10), measures = "逐份补齐档案",
        });
        var onTime = await Client.PostOkAsync("/api/membership/rectifications", new
        {
            source, category = "组织建设", finding = "党费收缴台账不全", owner = "书记", deadline = Today.AddDays(-3), measures = "补登台账",
        });
        Assert.False(late.GetProperty("completedLate").GetBoolean());

        var lateId = late.GetProperty("id").GetGuid();
        var completed = await Client.PostOkAsync($"/api/membership/rectifications/{lateId}/completion", new { completedOn = Today.AddDays(-2), evidence = new[] { "docs/files.pdf" } }, HttpStatusCode.OK);
        await Client.PostOkAsync($"/api/membership/rectifications/{onTime.GetProperty("id").GetGuid()}/completion", new { completedOn = Today.AddDays(-3), evidence = new[] { "docs/dues.pdf" } }, HttpStatusCode.OK);

        Assert.True(completed.GetProperty("completedLate").GetBoolean());
        Assert.False(completed.GetProperty("overdue").GetBoolean());
        Assert.True((await Client.GetFromJsonAsync<JsonElement>($"/api/membership/rectifications/{lateId}")).GetProperty("completedLate").GetBoolean());
        var listed = await Client.GetFromJsonAsync<JsonElement>($"/api/membership/rectifications?source={Uri.EscapeDataString(source)}");
        Assert.Equal([true, false], listed.EnumerateArray().Select(i => i.GetProperty("completedLate").GetBoolean()));
        var lateOnes = await Client.GetFromJsonAsync<JsonElement>($"/api/membership/rectifications?completedLate=true&source={Uri.EscapeDataString(source)}");
        Assert.Equal([lateId], lateOnes.EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));

        var after = await Client.GetFromJsonAsync<JsonElement>(statistics);
        int Delta(string figure) => after.GetProperty("rectification").GetProperty(figure).GetInt32() - before.GetProperty("rectification").GetProperty(figure).GetInt32();
        Assert.Equal((2, 1), (Delta("completed"), Delta("completedLate")));
    }
}
