using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.ServiceKit.Security;

namespace CommunityPlatform.Membership.FunctionalTests;

[Collection(MembershipApiCollection.Name)]
public sealed class MeetingsApiTests(MembershipApiFixture fixture)
{
    private HttpClient Client => fixture.Client;

    private async Task<(string Branch, Guid[] Members)> BranchWithMembersAsync(int count, DateOnly? foundedOn = null)
    {
        var branch = MembershipApi.UniqueCode("SH");
        await fixture.CreateOrganisationAsync(branch, "三会一课党支部", "Branch", MembershipApiFixture.GeneralBranch, foundedOn);
        var members = new Guid[count];
        for (var i = 0; i < count; i++)
        {
            members[i] = await Client.RegisterMemberAsync($"参会党员{i}", branch);
        }

        return (branch, members);
    }

    private async Task<Guid> ScheduleAsync(string branch, string kind = "CommitteeMeeting", DateTimeOffset? startsAt = null)
    {
        var start = startsAt ?? DateTimeOffset.UtcNow.AddDays(-1);
        var meeting = await Client.PostOkAsync("/api/membership/meetings", new
        {
            organisationCode = branch, kind, title = "支委会：研究发展党员工作", startsAt = start, endsAt = start.AddHours(2), location = "常青说事室",
        });
        return meeting.GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_meeting_is_recorded_with_attendance_publishes_MeetingHeld_and_credits_the_present_once()
    {
        var (branch, members) = await BranchWithMembersAsync(3);
        var id = await ScheduleAsync(branch);

        var recorded = await Client.PostOkAsync($"/api/membership/meetings/{id}/record", new
        {
            topic = "研究确定2026年下半年发展对象",
            minutes = "会议由书记主持，应到3人，实到2人。",
            attendance = new object[]
            {
                new { memberId = members[0], status = "出席" },
                new { memberId = members[1], status = "Present" },
                new { memberId = members[2], status = "缺席", reason = "外出务工" },
            },
        }, HttpStatusCode.OK);
        Assert.Equal("Held", recorded.GetProperty("status").GetString());
        Assert.Equal("参会党员2", recorded.GetProperty("attendance").EnumerateArray().Single(a => a.GetProperty("status").GetString() == "Absent").GetProperty("memberName").GetString());

        var held = await fixture.ScalarAsync<string>($"SELECT payload::text FROM outbox_messages WHERE message_type LIKE '%MeetingHeld' AND payload->>'meetingId' = '{id}'");
        using (var payload = JsonDocument.Parse(held))
        {
            Assert.Equal(2, payload.RootElement.GetProperty("present").GetInt32());
            Assert.Equal(1, payload.RootElement.GetProperty("absent").GetInt32());
        }

        var fetched = await Client.GetFromJsonAsync<JsonElement>($"/api/membership/meetings/{id}");
        Assert.Equal("研究确定2026年下半年发展对象", fetched.GetProperty("topic").GetString());
        Assert.Equal(3, fetched.GetProperty("attendance").GetArrayLength());

        await (await Client.PostAsJsonAsync($"/api/membership/meetings/{id}/record", new { topic = "再记一次", attendance = new[] { new { memberId = members[0], status = "出席" } } }))
            .AssertRuleAsync("meeting.status");

        // The absent member makes it up later and earns the same attendance points, once.
        await Client.PostOkAsync($"/api/membership/meetings/{id}/attendance/{members[2]}/make-up", new { madeUpOn = MembershipApi.Today, note = "补学会议精神" }, HttpStatusCode.OK);
        await (await Client.PostAsJsonAsync($"/api/membership/meetings/{id}/attendance/{members[2]}/make-up", new { madeUpOn = MembershipApi.Today }))
            .AssertRuleAsync("meeting.make-up-needs-absence");
        foreach (var member in members)
        {
            var points = await Client.GetFromJsonAsync<JsonElement>($"/api/membership/members/{member}/points");
            Assert.Equal(2m, points.GetProperty("total").GetDecimal());
            Assert.Equal($"meeting:{id}", points.GetProperty("entries")[0].GetProperty("source").GetString());
        }
    }

    [Fact]
    public async Task Attendance_is_validated_and_nothing_is_written_when_it_is_wrong()
    {
        var (branch, members) = await BranchWithMembersAsync(1);
        var id = await ScheduleAsync(branch);

        Assert.Contains("required for an absence", await (await Client.PostAsJsonAsync($"/api/membership/meetings/{id}/record", new
        {
            topic = "学习", attendance = new[] { new { memberId = members[0], status = "缺席" } },
        })).AssertInvalidAsync("attendance[0].reason"));
        Assert.Contains("names no member", await (await Client.PostAsJsonAsync($"/api/membership/meetings/{id}/record", new
        {
            topic = "学习", attendance = new[] { new { memberId = Guid.NewGuid(), status = "出席" } },
        })).AssertInvalidAsync("attendance"));
        Assert.Contains("one of", await (await Client.PostAsJsonAsync($"/api/membership/meetings/{id}/record", new
        {
            topic = "学习", attendance = new[] { new { memberId = members[0], status = "迟到" } },
        })).AssertInvalidAsync("attendance[0].status"));

        var future = await ScheduleAsync(branch, startsAt: DateTimeOffset.UtcNow.AddDays(3));
        Assert.Contains("future", await (await Client.PostAsJsonAsync($"/api/membership/meetings/{future}/record", new
        {
            topic = "学习", attendance = new[] { new { memberId = members[0], status = "出席" } },
        })).AssertInvalidAsync("heldOn"));

        Assert.Equal(0, await fixture.ScalarAsync<long>($"SELECT count(*) FROM attendance WHERE meeting_id IN ('{id}', '{future}')"));
        Assert.Equal(0, await fixture.ScalarAsync<long>($"SELECT count(*) FROM points_entries WHERE member_id = '{members[0]}'"));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/membership/meetings/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task A_monthly_series_schedules_each_occurrence_and_exports_as_an_importable_calendar()
    {
        var (branch, _) = await BranchWithMembersAsync(0);
        var first = new DateTimeOffset(2027, 1, 15, 14, 30, 0, TimeSpan.FromHours(8));
        var series = await Client.PostOkAsync("/api/membership/meeting-series", new
        {
            organisationCode = branch, kind = "主题党日", title = "每月15日主题党日，学习贯彻党的二十大精神", firstStartsAt = first,
            durationMinutes = 90, frequency = "Monthly", occurrences = 6, location = "社区党群服务中心三楼, 会议室",
        });
        var seriesId = series.GetProperty("id").GetGuid();
        var starts = series.GetProperty("meetings").EnumerateArray().Select(m => m.GetProperty("startsAt").GetDateTimeOffset()).ToList();
        Assert.Equal(Enumerable.Range(0, 6).Select(i => first.AddMonths(i)), starts);

        var cancelledId = series.GetProperty("meetings")[1].GetProperty("id").GetGuid();
        await Client.PostOkAsync($"/api/membership/meetings/{cancelledId}/cancel", new { reason = "与春节假期冲突" }, HttpStatusCode.OK);

        var response = await Client.GetAsync($"/api/membership/meeting-series/{seriesId}/calendar");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var ics = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics);
        Assert.EndsWith("END:VCALENDAR\r\n", ics);
        Assert.Equal(6, ics.Split("BEGIN:VEVENT").Length - 1);
        Assert.Contains("DTSTART:20270115T063000Z", ics);
        Assert.Contains("LOCATION:社区党群服务中心三楼\\, 会议室", ics);
        Assert.Contains("STATUS:CANCELLED", ics);
        Assert.All(ics.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, $"line longer than 75 octets: {line}"));

        var single = await Client.GetAsync($"/api/membership/meetings/{cancelledId}/calendar");
        Assert.Contains($"UID:{cancelledId}@", await single.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/membership/meeting-series/{Guid.NewGuid()}/calendar")).StatusCode);
        Assert.Contains("between 1 and", await (await Client.PostAsJsonAsync("/api/membership/meeting-series", new
        {
            organisationCode = branch, kind = "主题党日", title = "太多", firstStartsAt = first, durationMinutes = 90, frequency = "Monthly", occurrences = 500,
        })).AssertInvalidAsync("occurrences"));
    }

    [Fact]
    public async Task A_branch_that_held_no_committee_meeting_last_month_is_overdue_and_one_that_did_is_not()
    {
        // Organisations are judged from their founding date, so both were founded before last month.
        var foundedOn = MembershipApi.Today.AddMonths(-4);
        var (idle, _) = await BranchWithMembersAsync(0, foundedOn);
        var (busy, members) = await BranchWithMembersAsync(1, foundedOn);
        var lastMonth = new DateTimeOffset(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 10, 6, 0, 0, TimeSpan.Zero).AddMonths(-1);
        var id = await ScheduleAsync(busy, "CommitteeMeeting", lastMonth);
        await Client.PostOkAsync($"/api/membership/meetings/{id}/record", new { topic = "月度支委会", attendance = new[] { new { memberId = members[0], status = "出席" } } }, HttpStatusCode.OK);

        var overdue = await Client.GetFromJsonAsync<JsonElement>("/api/membership/meetings/overdue");
        var label = lastMonth.ToString("yyyy-MM");
        var idleCommittee = overdue.EnumerateArray().Single(o => o.GetProperty("organisationCode").GetString() == idle && o.GetProperty("kind").GetString() == "CommitteeMeeting");
        Assert.Contains(label, idleCommittee.GetProperty("missedPeriods").EnumerateArray().Select(p => p.GetString()));
        var busyCommittee = overdue.EnumerateArray().SingleOrDefault(o => o.GetProperty("organisationCode").GetString() == busy && o.GetProperty("kind").GetString() == "CommitteeMeeting");
        Assert.True(busyCommittee.ValueKind == JsonValueKind.Undefined
            || !busyCommittee.GetProperty("missedPeriods").EnumerateArray().Any(p => p.GetString() == label));
        Assert.Contains(overdue.EnumerateArray(), o => o.GetProperty("organisationCode").GetString() == busy && o.GetProperty("kind").GetString() == "ThemePartyDay");
    }

    [Fact]
    public async Task Members_may_read_the_schedule_but_not_record_it()
    {
        var (branch, _) = await BranchWithMembersAsync(0);
        var id = await ScheduleAsync(branch, startsAt: DateTimeOffset.UtcNow.AddDays(7));
        var member = fixture.App.CreateClientAs(CommunityRoles.Member, "G02");
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/api/membership/meetings/{id}/calendar")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync($"/api/membership/meetings/{id}/cancel", new { reason = "不想开" })).StatusCode);
        var list = await member.GetFromJsonAsync<JsonElement>($"/api/membership/meetings?organisationCode={branch}");
        Assert.Equal(1, list.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Branches_founded_months_before_they_were_entered_are_overdue_for_each_month_since_without_a_meeting()
    {
        // The reported case: three branches founded five months ago, entered today, that held no committee meeting
        // and no theme party day since; each of those months is 应开未开 for both.
        var today = MembershipApi.Today;
        var foundedOn = new DateOnly(today.Year, today.Month, 1).AddMonths(-5);
        var months = Enumerable.Range(0, 5).Select(i => foundedOn.AddMonths(i).ToString("yyyy-MM")).ToList();
        var branches = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            branches.Add((await BranchWithMembersAsync(0, foundedOn)).Branch);
        }

        foreach (var branch in branches)
        {
            var overdue = await Client.GetFromJsonAsync<JsonElement>($"/api/membership/meetings/overdue?organisationCode={branch}");
            foreach (var kind in new[] { "CommitteeMeeting", "ThemePartyDay" })
            {
                var cadence = overdue.EnumerateArray().Single(o => o.GetProperty("kind").GetString() == kind);
                Assert.Equal(months, cadence.GetProperty("missedPeriods").EnumerateArray().Select(p => p.GetString()));
                Assert.Equal(foundedOn, DateOnly.Parse(cadence.GetProperty("judgedFrom").GetString()!));
            }
        }

        var organisation = await Client.GetFromJsonAsync<JsonElement>($"/api/membership/organisations/{branches[0]}");
        Assert.Equal(foundedOn, DateOnly.Parse(organisation.GetProperty("foundedOn").GetString()!));
    }

    [Fact]
    public async Task A_branch_entered_without_a_founding_date_is_judged_from_today_until_its_date_is_given()
    {
        var (branch, _) = await BranchWithMembersAsync(0);
        var path = $"/api/membership/meetings/overdue?organisationCode={branch}";
        Assert.Equal(0, (await Client.GetFromJsonAsync<JsonElement>(path)).GetArrayLength());
        var created = await Client.GetFromJsonAsync<JsonElement>($"/api/membership/organisations/{branch}");
        Assert.Equal(MembershipApi.Today, DateOnly.Parse(created.GetProperty("foundedOn").GetString()!));

        var foundedOn = new DateOnly(MembershipApi.Today.Year, MembershipApi.Today.Month, 1).AddMonths(-2);
        var changed = await Client.PutOkAsync($"/api/membership/organisations/{branch}/founded-on", new { foundedOn });
        Assert.Equal(foundedOn, DateOnly.Parse(changed.GetProperty("foundedOn").GetString()!));
        var committee = (await Client.GetFromJsonAsync<JsonElement>(path)).EnumerateArray().Single(o => o.GetProperty("kind").GetString() == "CommitteeMeeting");
        Assert.Equal([foundedOn.ToString("yyyy-MM"), foundedOn.AddMonths(1).ToString("yyyy-MM")], committee.GetProperty("missedPeriods").EnumerateArray().Select(p => p.GetString()));

        Assert.Contains("future", await (await Client.PutAsJsonAsync($"/api/membership/organisations/{branch}/founded-on", new { foundedOn = MembershipApi.Today.AddDays(1) }))
            .AssertInvalidAsync("foundedOn"));
        Assert.Contains("future", await (await Client.PostAsJsonAsync("/api/membership/organisations", new
        {
            code = MembershipApi.UniqueCode("WL"), name = "未来党支部", kind = "Branch", foundedOn = MembershipApi.Today.AddDays(1),
        })).AssertInvalidAsync("foundedOn"));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PutAsJsonAsync($"/api/membership/organisations/{MembershipApi.UniqueCode("NO")}/founded-on", new { foundedOn })).StatusCode);
        Assert.Equal(foundedOn, DateOnly.Parse((await Client.GetFromJsonAsync<JsonElement>($"/api/membership/organisations/{branch}")).GetProperty("foundedOn").GetString()!));
    }
}
