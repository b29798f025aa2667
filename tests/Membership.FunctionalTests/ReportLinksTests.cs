using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CommunityPlatform.Membership.FunctionalTests;

/// <summary>
/// Every membership figure of the half-year report links to the list of the records it counts: following each link
/// through its pages gives exactly the statistic's number for the same period.
/// </summary>
[Collection(MembershipApiCollection.Name)]
public sealed class ReportLinksTests(MembershipApiFixture fixture)
{
    private static readonly DateOnly Today = MembershipApi.Today;
    private static readonly DateOnly From = Today.AddDays(-20);
    private static readonly DateOnly To = Today.AddDays(-5);

    private HttpClient Client => fixture.Client;

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd");

    [Fact]
    public async Task Each_membership_link_lists_exactly_the_records_its_figure_counts()
    {
        var branch = MembershipApi.UniqueCode("RL");
        await fixture.CreateOrganisationAsync(branch, "报表链接党支部", "Branch", MembershipApiFixture.GeneralBranch);

        // Under 35 on the period's last day, 35 today: only ages counted on that day find them.
        var young = await Client.RegisterMemberAsync("青年党员", branch, birthDate: To.AddYears(-35).AddDays(1), education: "本科");
        var older = await Client.RegisterMemberAsync("老党员", branch, birthDate: new DateOnly(1962, 3, 4), education: "高中");
        var sponsor = await Client.RegisterMemberAsync("介绍人", branch, education: "大专");
        var newcomer = await Client.RegisterMemberAsync("新任委员", branch, education: "研究生");
        var leaver = await Client.RegisterMemberAsync("转出党员", branch, birthDate: Today.AddYears(-25), education: "本科");
        var deceased = await Client.RegisterMemberAsync("去世党员", branch, education: "研究生");

        await Client.PutOkAsync($"/api/membership/members/{young}/reserve-cadre", new { since = From, preparedFor = "社区两委委员" });
        await Client.PutOkAsync($"/api/membership/members/{older}/reserve-cadre", new { since = From, preparedFor = "网格党支部书记" });
        await Client.PutOkAsync($"/api/membership/members/{leaver}/reserve-cadre", new { since = From, preparedFor = "社区两委委员" });
        await Client.PostOkAsync($"/api/membership/members/{leaver}/transfer-out", new { transferredOn = Today, destination = "外省" }, HttpStatusCode.OK);
        await Client.PostOkAsync($"/api/membership/members/{deceased}/death", new { diedOn = Today }, HttpStatusCode.OK);

        // On the period's last day only the secretary sits: the deputy's post ended before it, the new member's starts after it.
        await Client.PostOkAsync($"/api/membership/organisations/{branch}/committee", new { memberId = young, post = "书记", startOn = From.AddDays(-10) });
        var deputy = await Client.PostOkAsync($"/api/membership/organisations/{branch}/committee", new { memberId = older, post = "副书记", startOn = From.AddYears(-1) });
        await Client.PostOkAsync($"/api/membership/organisations/{branch}/committee/{deputy.GetProperty("id").GetGuid()}/end", new { endOn = From.AddDays(1) }, HttpStatusCode.OK);
        await Client.PostOkAsync($"/api/membership/organisations/{branch}/committee", new { memberId = newcomer, post = "组织委员", startOn = Today });

        var admittedYoung = await AdmitAsync("青年积极分子", To.AddYears(-35).AddDays(1), "本科", From.AddDays(3), [older, sponsor]);
        var admittedOlder = await AdmitAsync("中年积极分子", new DateOnly(1980, 1, 1), "本科", From.AddDays(4), [older, sponsor]);
        var admittedLate = await AdmitAsync("近期积极分子", Today.AddYears(-30), "本科", Today, [older, sponsor]);
        var cancelled = await AdmitAsync("取消资格者", Today.AddYears(-30), "大专", To, [older, sponsor]);
        await Client.PostOkAsync($"/api/membership/pipeline/{cancelled}/cancellation", new { on = Today, reason = "预备期内不履行党员义务" }, HttpStatusCode.OK);

        // Scheduled before the period but held in it; held in it; scheduled in it but not held; held after it.
        var heldLate = await MeetingAsync(branch, "StudySession", From.AddDays(-3), heldOn: From.AddDays(2), young);
        var heldInPeriod = await MeetingAsync(branch, "GeneralMeeting", From.AddDays(1), heldOn: From.AddDays(1), young);
        var notHeld = await MeetingAsync(branch, "StudySession", From.AddDays(2), heldOn: null, young);
        var heldAfter = await MeetingAsync(branch, "StudySession", To.AddDays(-1), heldOn: Today, young);

        var source = MembershipApi.UniqueCode("巡察反馈");
        await Client.PostOkAsync("/api/membership/rectifications", new { source, category = "组织建设", finding = "台账不全", owner = "书记", deadline = To, measures = "补齐" });
        var done = await Client.PostOkAsync("/api/membership/rectifications", new { source, category = "组织建设", finding = "学习不够", owner = "书记", deadline = To, measures = "补学" });
        await Client.PostOkAsync($"/api/membership/rectifications/{done.GetProperty("id").GetGuid()}/completion", new { completedOn = To, evidence = new[] { "docs/study.pdf" } }, HttpStatusCode.OK);

        var statistics = await Client.GetFromJsonAsync<JsonElement>($"/api/membership/statistics?from={Iso(From)}&to={Iso(To)}");
        async Task<List<Guid>> Linked(string link, params string[] figure)
        {
            var items = await Client.FollowAsync(link);
            Assert.True(statistics.Figure(figure).GetInt32() == items.Count, $"{link}: {items.Count} listed, {string.Join('.', figure)} = {statistics.Figure(figure)}");
            return items.Select(i => i.GetProperty("id").GetGuid()).ToList();
        }

        var active = await Linked("/api/membership/members?status=Active", "members", "total");
        Assert.Contains(young, active);
        Assert.DoesNotContain(leaver, active);
        Assert.DoesNotContain(deceased, active);
        await Linked("/api/membership/members?status=Full", "members", "full");
        await Linked("/api/membership/members?status=Probationary", "members", "probationary");
        var college = await Linked("/api/membership/members?status=Active&education=CollegeOrAbove", "members", "collegeOrAbove");
        Assert.Contains(newcomer, college);
        Assert.DoesNotContain(older, college);
        var under35 = await Linked($"/api/membership/members?status=Active&ageCohort=Under35&asOf={Iso(To)}", "members", "byAgeCohort", "Under35");
        Assert.Contains(young, under35);
        Assert.DoesNotContain(young, (await Client.FollowAsync("/api/membership/members?status=Active&ageCohort=Under35")).Select(m => m.GetProperty("id").GetGuid()));

        var committee = statistics.GetProperty("committees").EnumerateArray().Single(c => c.GetProperty("organisationCode").GetString() == branch);
        var seated = await Client.FollowAsync($"/api/membership/organisations/{branch}/committee?on={Iso(To)}");
        Assert.Equal(committee.GetProperty("members").GetInt32(), seated.Count);
        Assert.Equal([young], seated.Select(p => p.GetProperty("memberId").GetGuid()));
        Assert.Equal("书记", seated[0].GetProperty("postLabel").GetString());
        Assert.Equal(new[] { young, newcomer }.Order(), (await Client.FollowAsync($"/api/membership/organisations/{branch}/committee")).Select(p => p.GetProperty("memberId").GetGuid()).Order());

        var cadres = await Linked("/api/membership/reserve-cadres", "reserveCadres", "total");
        Assert.Contains(older, cadres);
        Assert.DoesNotContain(leaver, cadres);
        Assert.Contains(young, await Linked($"/api/membership/reserve-cadres?ageCohort=Under35&asOf={Iso(To)}", "reserveCadres", "under35"));

        var admitted = await Linked($"/api/membership/pipeline?admittedFrom={Iso(From)}&admittedTo={Iso(To)}", "development", "admitted");
        Assert.Contains(admittedYoung, admitted);
        Assert.Contains(admittedOlder, admitted);
        Assert.Contains(cancelled, admitted);
        Assert.DoesNotContain(admittedLate, admitted);
        var youngWithCollege = await Linked(
            $"/api/membership/pipeline?admittedFrom={Iso(From)}&admittedTo={Iso(To)}&under35WithCollege=true", "development", "admittedUnder35WithCollege");
        Assert.Contains(admittedYoung, youngWithCollege);
        Assert.DoesNotContain(admittedOlder, youngWithCollege);

        var held = await Linked($"/api/membership/meetings?status=Held&heldFrom={Iso(From)}&heldTo={Iso(To)}", "meetings", "held");
        Assert.Contains(heldLate, held);
        Assert.Contains(heldInPeriod, held);
        Assert.DoesNotContain(notHeld, held);
        Assert.DoesNotContain(heldAfter, held);
        foreach (var kind in statistics.Figure("meetings", "byKind").EnumerateObject().Select(k => k.Name))
        {
            await Linked($"/api/membership/meetings?status=Held&heldFrom={Iso(From)}&heldTo={Iso(To)}&kind={kind}", "meetings", "byKind", kind, "held");
        }

        // The scheduled-day range is another question: the meeting scheduled before the period is not in it.
        var scheduled = (await Client.FollowAsync($"/api/membership/meetings?status=Held&from={Iso(From)}&to={Iso(To)}")).Select(m => m.GetProperty("id").GetGuid());
        Assert.DoesNotContain(heldLate, scheduled);

        await Linked("/api/membership/rectifications", "rectification", "total");
        await Linked("/api/membership/rectifications?status=Completed", "rectification", "completed");
    }

    [Fact]
    public async Task A_range_ending_before_it_starts_an_unknown_pseudo_value_and_an_unknown_organisation_are_refused()
    {
        Assert.Contains("before heldFrom", await (await Client.GetAsync($"/api/membership/meetings?heldFrom={Iso(To)}&heldTo={Iso(From)}")).AssertInvalidAsync("heldTo"));
        Assert.Contains("before admittedFrom", await (await Client.GetAsync($"/api/membership/pipeline?admittedFrom={Iso(To)}&admittedTo={Iso(From)}")).AssertInvalidAsync("admittedTo"));
        Assert.Contains("Active", await (await Client.GetAsync("/api/membership/members?status=Current")).AssertInvalidAsync("status"));
        Assert.Contains("CollegeOrAbove", await (await Client.GetAsync("/api/membership/members?education=Degree")).AssertInvalidAsync("education"));
        await (await Client.GetAsync("/api/membership/reserve-cadres?ageCohort=Young")).AssertInvalidAsync("ageCohort");
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/membership/organisations/{MembershipApi.UniqueCode("NO")}/committee")).StatusCode);

        // The pseudo-values are also accepted by their labels.
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/api/membership/members?status={Uri.EscapeDataString("正式和预备党员")}&education={Uri.EscapeDataString("大专及以上")}")).StatusCode);
    }

    /// <summary>Takes a person through the pipeline to admission on <paramref name="admittedOn"/>; returns the applicant's id.</summary>
    private async Task<Guid> AdmitAsync(string name, DateOnly birthDate, string education, DateOnly admittedOn, Guid[] sponsors)
    {
        var applicant = await Client.PostOkAsync("/api/membership/pipeline", new
        {
            name, gender = "女", birthDate, education, organisationCode = MembershipApiFixture.Branch, gridCode = "G03", appliedOn = admittedOn.AddYears(-3),
        });
        var id = applicant.GetProperty("id").GetGuid();
        await Client.PostOkAsync($"/api/membership/pipeline/{id}/activist", new { on = admittedOn.AddYears(-3), contactMemberIds = sponsors[..1] }, HttpStatusCode.OK);
        await Client.PostOkAsync($"/api/membership/pipeline/{id}/candidate", new { on = admittedOn.AddYears(-2) }, HttpStatusCode.OK);
        await Client.PostOkAsync($"/api/membership/pipeline/{id}/admission", new { on = admittedOn, sponsorMemberIds = sponsors }, HttpStatusCode.OK);
        return id;
    }

    /// <summary>Schedules a meeting at 10:00 community time on <paramref name="scheduledOn"/> and records it held on <paramref name="heldOn"/>, if given.</summary>
    private async Task<Guid> MeetingAsync(string branch, string kind, DateOnly scheduledOn, DateOnly? heldOn, Guid attendee)
    {
        var startsAt = new DateTimeOffset(scheduledOn.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8));
        var meeting = await Client.PostOkAsync("/api/membership/meetings", new { organisationCode = branch, kind, title = "报表链接会议", startsAt, endsAt = startsAt.AddHours(1) });
        var id = meeting.GetProperty("id").GetGuid();
        if (heldOn is { } day)
        {
            await Client.PostOkAsync($"/api/membership/meetings/{id}/record", new { topic = "学习", heldOn = day, attendance = new[] { new { memberId = attendee, status = "出席" } } }, HttpStatusCode.OK);
        }

        return id;
    }
}
