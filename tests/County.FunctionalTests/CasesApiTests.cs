using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.TestSupport;
using static CommunityPlatform.County.FunctionalTests.CountyApi;

namespace CommunityPlatform.County.FunctionalTests;

[Collection(CountyApiCollection.Name)]
public sealed class CasesApiTests(CountyApiFixture fixture)
{
    private const string StatusChanged = "cn.communityplatform.county.county-case-status-changed.v1";

    private HttpClient County => fixture.County;

    private HttpClient Secretary => fixture.Secretary;

    [Fact]
    public async Task A_case_the_county_sends_is_received_in_Open311_terms_and_announced_on_the_feed()
    {
        var start = await County.FeedEndAsync();
        var body = CaseBody();
        var created = await County.SubmitAsync(body);

        var id = created.GetProperty("service_request_id").GetGuid();
        Assert.Equal(body["county_case_id"], created.GetProperty("county_case_id").GetString());
        Assert.Equal("dispute", created.GetProperty("service_code").GetString());
        Assert.Equal("矛盾纠纷", created.GetProperty("service_name").GetString());
        Assert.Equal("幸福小区3栋2单元", created.GetProperty("address").GetString());
        Assert.Equal(27.8123, created.GetProperty("lat").GetDouble());
        Assert.Equal(112.9456, created.GetProperty("long").GetDouble());
        Assert.Equal("open", created.GetProperty("status").GetString());
        Assert.Equal("received", created.GetProperty("state").GetString());
        Assert.False(string.IsNullOrEmpty(created.GetProperty("status_notes").GetString()));
        Assert.Equal(((DateTimeOffset)body["requested_datetime"]!).ToUnixTimeSeconds(), created.GetProperty("requested_datetime").GetDateTimeOffset().ToUnixTimeSeconds());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("matter_id").ValueKind);

        var staff = fixture.As(CommunityRoles.Staff);
        Assert.Equal(created.GetRawText(), (await staff.GetCaseAsync(id)).GetRawText());
        Assert.Equal(created.GetRawText(), (await County.GetCaseAsync(id)).GetRawText());

        var events = await County.ReadFeedUntilAsync(start, e => e.Any(x => x.Subject() == id.ToString()), "the case's received event");
        var received = Assert.Single(events, e => e.Subject() == id.ToString());
        Assert.Equal(StatusChanged, received.Type());
        Assert.Equal("/communityplatform/county", received.GetProperty("source").GetString());
        var data = received.GetProperty("data");
        Assert.Equal("received", data.GetProperty("state").GetString());
        Assert.Equal("open", data.GetProperty("status").GetString());
        Assert.Equal(body["county_case_id"], data.GetProperty("county_case_id").GetString());
        Assert.Equal(created.GetProperty("status_notes").GetString(), data.GetProperty("status_notes").GetString());
        Assert.Equal(1, await fixture.ScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%CountyCaseStatusChanged' AND payload->>'serviceRequestId' = '{id}'"));
    }

    [Fact]
    public async Task Sending_the_same_county_case_again_returns_the_first_case_even_when_the_copies_race()
    {
        var countyCaseId = NewCountyCaseId();
        var first = await County.SubmitAsync(CaseBody(countyCaseId));
        var again = await County.SubmitAsync(CaseBody(countyCaseId, "environment"), HttpStatusCode.OK);
        Assert.Equal(first.GetRawText(), again.GetRawText());

        var racing = NewCountyCaseId();
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => County.PostAsJsonAsync("/api/county/cases", CaseBody(racing))));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("service_request_id").GetGuid()));
        Assert.Single(ids.Distinct());
        Assert.Equal(1, await fixture.ScalarAsync<long>($"SELECT count(*) FROM cases WHERE county_case_id = '{racing}'"));
        Assert.Equal(1, await fixture.ScalarAsync<long>($"SELECT count(*) FROM feed_events WHERE subject = '{ids[0]}'"));
    }

    [Fact]
    public async Task An_invalid_case_is_a_400_naming_each_field()
    {
        var requested = DateTimeOffset.UtcNow.AddHours(-1);
        var response = await County.PostAsJsonAsync("/api/county/cases", CaseBody(change: b =>
        {
            b["county_case_id"] = "  ";
            b["service_code"] = "noise";
            b["description"] = "";
            b["address"] = new string('路', 201);
            b["lat"] = 91.0;
            b["long"] = -181.0;
            b["requested_datetime"] = requested;
            b["expected_datetime"] = requested.AddMinutes(-1);
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(
            ["address", "county_case_id", "description", "expected_datetime", "lat", "long", "service_code"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));

        await (await County.PostAsJsonAsync("/api/county/cases", CaseBody(change: b => b["description"] = new string('漏', 2001)))).AssertInvalidAsync("description");
        await (await County.PostAsJsonAsync("/api/county/cases", CaseBody(change: b => b.Remove("long")))).AssertInvalidAsync("long");
        await (await County.PostAsJsonAsync("/api/county/cases", CaseBody(change: b => b["requested_datetime"] = DateTimeOffset.UtcNow.AddHours(1)))).AssertInvalidAsync("requested_datetime");
        await (await County.PostAsJsonAsync("/api/county/cases", CaseBody(change: b => b["lat"] = "north"))).AssertInvalidAsync("lat");
        await (await County.PostAsJsonAsync("/api/county/cases", CaseBody(change: b => b["county_case_id"] = "XJ 01"))).AssertInvalidAsync("county_case_id");

        // Without coordinates and times the case is still whole: Open311 needs a place, and the address is one.
        var minimal = await County.SubmitAsync(CaseBody(change: b =>
        {
            b.Remove("lat");
            b.Remove("long");
            b.Remove("requested_datetime");
            b.Remove("expected_datetime");
        }));
        Assert.Equal(JsonValueKind.Null, minimal.GetProperty("lat").ValueKind);
        Assert.Equal(JsonValueKind.Null, minimal.GetProperty("expected_datetime").ValueKind);
    }

    [Fact]
    public async Task A_case_with_a_control_character_is_a_400_naming_the_field_and_is_not_received()
    {
        var countyCaseId = NewCountyCaseId();

        var response = await County.PostAsJsonAsync("/api/county/cases", CaseBody(countyCaseId, change: b => b["description"] = "群众反映\0漏水"));

        Assert.Contains("must not contain control characters", await response.AssertInvalidAsync("description"));
        Assert.Equal(0, await fixture.ScalarAsync<long>($"SELECT count(*) FROM cases WHERE county_case_id = '{countyCaseId}'"));
        var id = await County.SubmitCaseAsync();
        Assert.Contains("must not contain control characters", await (await Secretary.PostAsJsonAsync(
            $"/api/county/cases/{id}/sign-for", new { grid_code = Grid, note = "请\u0000处理" })).AssertInvalidAsync("note"));
        Assert.Equal("received", (await County.GetCaseAsync(id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Signing_for_a_case_hands_it_to_a_grid_once_and_publishes_it_for_the_grid_service()
    {
        var id = await County.SubmitCaseAsync();
        var start = await County.FeedEndAsync();
        var path = $"/api/county/cases/{id}/sign-for";

        await (await Secretary.PostAsJsonAsync(path, new { })).AssertInvalidAsync("grid_code");
        await (await Secretary.PostAsJsonAsync(path, new { grid_code = "NO-SUCH" })).AssertInvalidAsync("grid_code");
        await (await Secretary.PostAsJsonAsync(path, new { grid_code = Grid, note = new string('签', 501) })).AssertInvalidAsync("note");
        Assert.Equal(HttpStatusCode.Forbidden, (await County.PostAsJsonAsync(path, new { grid_code = Grid })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.As(CommunityRoles.GridWorker, Grid).PostAsJsonAsync(path, new { grid_code = Grid })).StatusCode);

        fixture.GridService.Down = true;
        try
        {
            var unavailable = await Secretary.PostAsJsonAsync(path, new { grid_code = Grid });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.StatusCode);
        }
        finally
        {
            fixture.GridService.Down = false;
        }

        var staff = fixture.As(CommunityRoles.Staff);
        var signed = await staff.PostOkAsync(path, new { grid_code = Grid }, HttpStatusCode.OK);
        // The grid was checked with the grid service as the caller, who must be allowed to see it there.
        Assert.Equal(staff.DefaultRequestHeaders.Authorization, fixture.GridService.LastAuthorization);
        Assert.Equal("signed_for", signed.GetProperty("state").GetString());
        Assert.Equal("open", signed.GetProperty("status").GetString());
        Assert.Equal(Grid, signed.GetProperty("grid_code").GetString());
        Assert.Contains(Grid, signed.GetProperty("status_notes").GetString());

        var problem = await (await staff.PostAsJsonAsync(path, new { grid_code = Grid })).AssertRuleAsync("case.transition");
        Assert.Equal("signed_for", problem.GetProperty("currentState").GetString());
        await (await staff.PostAsJsonAsync($"/api/county/cases/{id}/return", new { reason = "不属于本社区" })).AssertRuleAsync("case.transition");

        var payload = JsonDocument.Parse(await fixture.ScalarAsync<string>(
            $"SELECT payload::text FROM outbox_messages WHERE message_type LIKE '%CountyCaseSignedFor' AND payload->>'serviceRequestId' = '{id}'")).RootElement;
        Assert.Equal("Dispute", payload.GetProperty("category").GetString());
        Assert.Equal(Grid, payload.GetProperty("gridCode").GetString());
        Assert.Equal("幸福小区3栋2单元", payload.GetProperty("location").GetString());

        var events = await County.ReadFeedUntilAsync(start, e => e.Count(x => x.Subject() == id.ToString()) == 2, "the sign-for on the feed");
        Assert.Equal(
            [StatusChanged, "cn.communityplatform.county.county-case-signed-for.v1"],
            events.Where(e => e.Subject() == id.ToString()).Select(e => e.Type()));
        Assert.Equal("signed_for", events.First(e => e.Type() == StatusChanged && e.Subject() == id.ToString()).GetProperty("data").GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_grid_code_the_grid_service_could_not_have_made_is_a_400_without_asking_it()
    {
        var id = await County.SubmitCaseAsync();
        var path = $"/api/county/cases/{id}/sign-for";
        var asked = fixture.GridService.Lookups;

        Assert.Contains("at most 20 characters", await (await Secretary.PostAsJsonAsync(path, new { grid_code = new string('G', 100_000) })).AssertInvalidAsync("grid_code"));
        Assert.Contains("letters, digits and '-'", await (await Secretary.PostAsJsonAsync(path, new { grid_code = "CG-01/../grids" })).AssertInvalidAsync("grid_code"));
        Assert.Contains("at most 500", await (await Secretary.PostAsJsonAsync(path, new { grid_code = Grid, note = new string('签', 501) })).AssertInvalidAsync("note"));

        Assert.Equal(asked, fixture.GridService.Lookups);
        Assert.Equal("received", (await County.GetCaseAsync(id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_refusal_from_the_grid_service_is_passed_on_as_a_4xx_and_only_its_failures_are_a_503()
    {
        var id = await County.SubmitCaseAsync();
        var path = $"/api/county/cases/{id}/sign-for";
        (HttpStatusCode Grid, HttpStatusCode County)[] answers =
        [
            (HttpStatusCode.BadRequest, HttpStatusCode.BadRequest),
            (HttpStatusCode.RequestUriTooLong, HttpStatusCode.BadRequest),
            (HttpStatusCode.Conflict, HttpStatusCode.BadRequest),
            (HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden),
            (HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
            (HttpStatusCode.TooManyRequests, HttpStatusCode.ServiceUnavailable),
            (HttpStatusCode.InternalServerError, HttpStatusCode.ServiceUnavailable),
            (HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable),
        ];

        foreach (var (grid, county) in answers)
        {
            fixture.GridService.Answer = grid;
            try
            {
                var response = await Secretary.PostAsJsonAsync(path, new { grid_code = Grid });
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == county, $"grid {(int)grid}: expected {(int)county}, got {(int)response.StatusCode} {body}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                if (county == HttpStatusCode.BadRequest)
                {
                    var messages = JsonDocument.Parse(body).RootElement.GetProperty("errors").GetProperty("grid_code")[0].GetString();
                    Assert.Contains("refused by the grid service", messages);
                    Assert.Contains(FakeGridService.ProblemTitle, messages);
                }
            }
            finally
            {
                fixture.GridService.Answer = null;
            }
        }

        Assert.Equal("received", (await County.GetCaseAsync(id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_sign_for_retried_with_its_idempotency_key_gets_the_first_answer()
    {
        var id = await County.SubmitCaseAsync();
        var key = Guid.NewGuid().ToString();
        HttpRequestMessage Request() => new(HttpMethod.Post, $"/api/county/cases/{id}/sign-for")
        {
            Headers = { { "Idempotency-Key", key } },
            Content = JsonContent.Create(new { grid_code = Grid }),
        };

        var first = await Secretary.SendAsync(Request());
        var retry = await Secretary.SendAsync(Request());
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal((await first.Content.ReadFromJsonAsync<JsonElement>()).GetRawText(), (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetRawText());
        Assert.Equal(1, await fixture.ScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%CountyCaseSignedFor' AND payload->>'serviceRequestId' = '{id}'"));
    }

    [Fact]
    public async Task A_returned_case_is_closed_with_the_reason_as_its_notes_and_cannot_be_signed_for()
    {
        var id = await County.SubmitCaseAsync();
        var path = $"/api/county/cases/{id}/return";
        await (await Secretary.PostAsJsonAsync(path, new { reason = " " })).AssertInvalidAsync("reason");

        var returned = await Secretary.PostOkAsync(path, new { reason = "该地址属于相邻社区，请转交" }, HttpStatusCode.OK);
        Assert.Equal("returned", returned.GetProperty("state").GetString());
        Assert.Equal("closed", returned.GetProperty("status").GetString());
        Assert.Equal("退单：该地址属于相邻社区，请转交", returned.GetProperty("status_notes").GetString());
        await (await Secretary.PostAsJsonAsync($"/api/county/cases/{id}/sign-for", new { grid_code = Grid })).AssertRuleAsync("case.transition");
        await (await Secretary.PostAsJsonAsync(path, new { reason = "再退一次" })).AssertRuleAsync("case.transition");
        Assert.Equal(0, await fixture.ScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%CountyCaseSignedFor' AND payload->>'serviceRequestId' = '{id}'"));
    }

    [Fact]
    public async Task Unknown_cases_are_404_and_roles_outside_the_integration_are_403()
    {
        var unknown = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await County.GetAsync($"/api/county/cases/{unknown}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Secretary.PostAsJsonAsync($"/api/county/cases/{unknown}/sign-for", new { grid_code = Grid })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Secretary.PostAsJsonAsync($"/api/county/cases/{unknown}/return", new { reason = "x" })).StatusCode);

        var id = await County.SubmitCaseAsync();
        foreach (var role in new[] { CommunityRoles.Resident, CommunityRoles.Member, CommunityRoles.GridWorker, CommunityRoles.Inspector, CommunityRoles.Ops })
        {
            var client = fixture.As(role, Grid);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/county/cases/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/county/cases")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/county/cases", CaseBody())).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await Secretary.PostAsJsonAsync("/api/county/cases", CaseBody())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Anonymous.GetAsync($"/api/county/cases/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Anonymous.PostAsJsonAsync("/api/county/cases", CaseBody())).StatusCode);
    }

    [Fact]
    public async Task Cases_are_listed_oldest_first_by_status_or_state_and_paged()
    {
        var (open, returned) = (await County.SubmitCaseAsync(), await County.SubmitCaseAsync());
        await Secretary.PostOkAsync($"/api/county/cases/{returned}/return", new { reason = "重复交办" }, HttpStatusCode.OK);

        async Task<List<Guid>> ListAsync(string query)
        {
            var ids = new List<Guid>();
            string? cursor = null;
            do
            {
                var page = await County.GetFromJsonAsync<JsonElement>($"/api/county/cases?limit=3&{query}" + (cursor is null ? "" : $"&after={cursor}"));
                ids.AddRange(page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("service_request_id").GetGuid()));
                cursor = page.GetProperty("next_cursor").GetString();
            }
            while (cursor is not null);
            return ids;
        }

        var openCases = await ListAsync("status=open");
        Assert.Contains(open, openCases);
        Assert.DoesNotContain(returned, openCases);
        Assert.Equal(openCases.Order(), openCases);
        Assert.Contains(returned, await ListAsync("status=closed"));
        Assert.Contains(returned, await ListAsync("status=returned"));
        Assert.DoesNotContain(open, await ListAsync("status=returned"));
        Assert.Contains(open, await ListAsync("status=received"));
        await (await County.GetAsync("/api/county/cases?status=done")).AssertInvalidAsync("status");
        await (await County.GetAsync("/api/county/cases?after=yesterday")).AssertInvalidAsync("after");
    }
}
