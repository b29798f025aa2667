using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CommunityPlatform.Membership.FunctionalTests;

[Collection(MembershipApiCollection.Name)]
public sealed class PipelineApiTests(MembershipApiFixture fixture)
{
    private static readonly DateOnly Today = MembershipApi.Today;

    private HttpClient Client => fixture.Client;

    private async Task<Guid> ApplyAsync(DateOnly appliedOn, string name = "冯子涵")
    {
        var applicant = await Client.PostOkAsync("/api/membership/pipeline", new
        {
            name, gender = "男", birthDate = "1998-09-09", education = "本科",
            organisationCode = MembershipApiFixture.Branch, gridCode = "G04", appliedOn, phone = "13600003333",
        });
        Assert.Equal("Applicant", applicant.GetProperty("stage").GetString());
        return applicant.GetProperty("id").GetGuid();
    }

    private async Task<Guid[]> TwoFullMembersAsync() => [await Client.RegisterMemberAsync("介绍人甲"), await Client.RegisterMemberAsync("介绍人乙")];

    [Fact]
    public async Task A_person_goes_the_whole_way_and_becomes_a_full_member_with_events_at_admission_and_full_membership()
    {
        var sponsors = await TwoFullMembersAsync();
        var id = await ApplyAsync(Today.AddYears(-4));
        await Client.PostOkAsync($"/api/membership/pipeline/{id}/activist", new { on = Today.AddYears(-3).AddMonths(-2), contactMemberIds = sponsors }, HttpStatusCode.OK);
        await Client.PostOkAsync($"/api/membership/pipeline/{id}/candidate", new { on = Today.AddYears(-2) }, HttpStatusCode.OK);
        var admitted = await Client.PostOkAsync($"/api/membership/pipeline/{id}/admission", new { on = Today.AddYears(-1).AddDays(-10), sponsorMemberIds = sponsors }, HttpStatusCode.OK);
        var memberId = admitted.GetProperty("memberId").GetGuid();

        var member = await Client.GetFromJsonAsync<JsonElement>($"/api/membership/members/{memberId}");
        Assert.Equal("Probationary", member.GetProperty("status").GetString());
        Assert.Equal("冯子涵", member.GetProperty("name").GetString());

        var full = await Client.PostOkAsync($"/api/membership/pipeline/{id}/full-membership", new { on = Today }, HttpStatusCode.OK);
        Assert.Equal("Full", full.GetProperty("stage").GetString());
        Assert.Equal(JsonValueKind.Null, full.GetProperty("nextStep").ValueKind);
        member = await Client.GetFromJsonAsync<JsonElement>($"/api/membership/members/{memberId}");
        Assert.Equal("Full", member.GetProperty("status").GetString());
        Assert.Equal(Today.ToString("yyyy-MM-dd"), member.GetProperty("joinedOn").GetString());

        Assert.Equal(1, await fixture.ScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%MemberRegistered' AND payload->>'memberId' = '{memberId}'"));
        Assert.Equal("Full", await fixture.ScalarAsync<string>($"SELECT payload->>'status' FROM outbox_messages WHERE message_type LIKE '%MemberStatusChanged' AND payload->>'memberId' = '{memberId}'"));
    }

    [Fact]
    public async Task Becoming_a_candidate_before_a_year_as_activist_is_409_naming_the_rule_and_the_earliest_date()
    {
        var sponsors = await TwoFullMembersAsync();
        var id = await ApplyAsync(Today.AddMonths(-10));
        var activistOn = Today.AddMonths(-8);
        await Client.PostOkAsync($"/api/membership/pipeline/{id}/activist", new { on = activistOn, contactMemberIds = sponsors[..1] }, HttpStatusCode.OK);

        var problem = await (await Client.PostAsJsonAsync($"/api/membership/pipeline/{id}/candidate", new { on = Today })).AssertRuleAsync("pipeline.activist-one-year");
        Assert.Equal(activistOn.AddYears(1).ToString("yyyy-MM-dd"), problem.GetProperty("earliestAllowedOn").GetString());
        Assert.Contains(activistOn.AddYears(1).ToString("yyyy-MM-dd"), problem.GetProperty("detail").GetString());

        var applicant = await Client.GetFromJsonAsync<JsonElement>($"/api/membership/pipeline/{id}");
        Assert.Equal("Activist", applicant.GetProperty("stage").GetString());
        Assert.Equal("Candidate", applicant.GetProperty("nextStep").GetString());
        Assert.Equal(activistOn.AddYears(1).ToString("yyyy-MM-dd"), applicant.GetProperty("nextStepEarliestOn").GetString());
    }

    [Fact]
    public async Task Steps_out_of_order_sponsors_who_are_not_full_members_and_unknown_people_are_refused()
    {
        var sponsors = await TwoFullMembersAsync();
        var id = await ApplyAsync(Today.AddYears(-3));
        await (await Client.PostAsJsonAsync($"/api/membership/pipeline/{id}/admission", new { on = Today, sponsorMemberIds = sponsors })).AssertRuleAsync("pipeline.order");
        Assert.Contains("names no member", await (await Client.PostAsJsonAsync($"/api/membership/pipeline/{id}/activist", new { on = Today, contactMemberIds = new[] { Guid.NewGuid() } }))
            .AssertInvalidAsync("contactMemberIds"));
        Assert.Contains("before the application", await (await Client.PostAsJsonAsync($"/api/membership/pipeline/{id}/activist", new { on = Today.AddYears(-4), contactMemberIds = sponsors }))
            .AssertInvalidAsync("on"));

        await Client.PostOkAsync($"/api/membership/pipeline/{id}/activist", new { on = Today.AddYears(-2).AddDays(-1), contactMemberIds = sponsors }, HttpStatusCode.OK);
        await Client.PostOkAsync($"/api/membership/pipeline/{id}/candidate", new { on = Today.AddMonths(-6) }, HttpStatusCode.OK);

        var gone = await Client.RegisterMemberAsync("已转出党员");
        await Client.PostOkAsync($"/api/membership/members/{gone}/transfer-out", new { transferredOn = Today, destination = "外地" }, HttpStatusCode.OK);
        await (await Client.PostAsJsonAsync($"/api/membership/pipeline/{id}/admission", new { on = Today, sponsorMemberIds = new[] { sponsors[0], gone } }))
            .AssertRuleAsync("pipeline.sponsor-not-full-member");
        Assert.Contains("exactly two", await (await Client.PostAsJsonAsync($"/api/membership/pipeline/{id}/admission", new { on = Today, sponsorMemberIds = sponsors[..1] }))
            .AssertInvalidAsync("sponsorMemberIds"));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PostAsJsonAsync($"/api/membership/pipeline/{Guid.NewGuid()}/candidate", new { on = Today })).StatusCode);
    }

    [Fact]
    public async Task Probation_is_extended_once_and_full_membership_waits_for_its_end_and_cancellation_ends_the_membership()
    {
        var sponsors = await TwoFullMembersAsync();
        var id = await ApplyAsync(Today.AddYears(-3));
        await Client.PostOkAsync($"/api/membership/pipeline/{id}/activist", new { on = Today.AddYears(-3), contactMemberIds = sponsors }, HttpStatusCode.OK);
        await Client.PostOkAsync($"/api/membership/pipeline/{id}/candidate", new { on = Today.AddYears(-2) }, HttpStatusCode.OK);
        var admittedOn = Today.AddYears(-1).AddMonths(-1);
        var admitted = await Client.PostOkAsync($"/api/membership/pipeline/{id}/admission", new { on = admittedOn, sponsorMemberIds = sponsors }, HttpStatusCode.OK);

        var extended = await Client.PostOkAsync($"/api/membership/pipeline/{id}/probation-extension", new { months = 6 }, HttpStatusCode.OK);
        Assert.Equal(admittedOn.AddYears(1).AddMonths(6).ToString("yyyy-MM-dd"), extended.GetProperty("probationEndsOn").GetString());
        await (await Client.PostAsJsonAsync($"/api/membership/pipeline/{id}/probation-extension", new { months = 6 })).AssertRuleAsync("pipeline.probation-extended-once");
        Assert.Contains("between 6 and 12", await (await Client.PostAsJsonAsync($"/api/membership/pipeline/{id}/probation-extension", new { months = 24 })).AssertInvalidAsync("months"));

        var early = await (await Client.PostAsJsonAsync($"/api/membership/pipeline/{id}/full-membership", new { on = Today })).AssertRuleAsync("pipeline.probation-one-year");
        Assert.Equal(admittedOn.AddYears(1).AddMonths(6).ToString("yyyy-MM-dd"), early.GetProperty("earliestAllowedOn").GetString());

        var pipeline = await Client.GetFromJsonAsync<JsonElement>("/api/membership/pipeline?stage=Probationary");
        Assert.Contains(pipeline.EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);

        var cancelled = await Client.PostOkAsync($"/api/membership/pipeline/{id}/cancellation", new { on = Today, reason = "预备期内不履行党员义务" }, HttpStatusCode.OK);
        Assert.Equal("Cancelled", cancelled.GetProperty("stage").GetString());
        var member = await Client.GetFromJsonAsync<JsonElement>($"/api/membership/members/{admitted.GetProperty("memberId").GetGuid()}");
        Assert.Equal("ProbationCancelled", member.GetProperty("status").GetString());
        pipeline = await Client.GetFromJsonAsync<JsonElement>("/api/membership/pipeline");
        Assert.DoesNotContain(pipeline.EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task An_application_is_validated_field_by_field()
    {
        var response = await Client.PostAsJsonAsync("/api/membership/pipeline", new
        {
            name = "", gender = "男", birthDate = Today.AddYears(-16), education = "本科", organisationCode = MembershipApiFixture.Branch, gridCode = "G04", appliedOn = Today.AddDays(1),
        });
        Assert.Contains("blank", await response.AssertInvalidAsync("name"));
        var problem = await (await Client.PostAsJsonAsync("/api/membership/pipeline", new
        {
            name = "小明", gender = "男", birthDate = Today.AddYears(-16), education = "本科", organisationCode = MembershipApiFixture.Branch, gridCode = "G04", appliedOn = Today.AddDays(1),
        })).AssertInvalidAsync("appliedOn");
        Assert.Contains("future", problem);
    }
}
