using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.Grid.Infrastructure;
using CommunityPlatform.ServiceKit.Security;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPlatform.Grid.FunctionalTests;

[Collection(GridApiCollection.Name)]
public sealed class MattersApiTests(GridApiFixture fixture)
{
    private static DateOnly Today => GridApi.Today;

    private HttpClient Client => fixture.Client;

    private Task<JsonElement> DetailAsync(Guid id, HttpClient? client = null) => (client ?? Client).GetFromJsonAsync<JsonElement>($"/api/grid/matters/{id}");

    private Task<JsonElement> ListAsync(string query, HttpClient? client = null) => (client ?? Client).GetFromJsonAsync<JsonElement>("/api/grid/matters?limit=200&" + query);

    private Task<JsonElement> ChangeAsync(Guid id, string step, object body) => Client.PostOkAsync($"/api/grid/matters/{id}/{step}", body, HttpStatusCode.OK);

    private Task<HttpResponseMessage> TryAsync(Guid id, string step, object body, HttpClient? client = null) =>
        (client ?? Client).PostAsJsonAsync($"/api/grid/matters/{id}/{step}", body);

    [Fact]
    public async Task A_matter_goes_the_whole_loop_with_its_timeline_in_order_and_the_resolver_named_in_MatterResolved()
    {
        var grid = await Client.CreateGridAsync();
        var memberId = Guid.NewGuid();
        var reported = await Client.ReportMatterAsync(grid, "矛盾纠纷");
        var id = reported.GetProperty("id").GetGuid();
        Assert.Equal("Reported", reported.GetProperty("status").GetString());
        Assert.Equal("待签收", reported.GetProperty("statusLabel").GetString());
        Assert.Equal("Dispute", reported.GetProperty("category").GetString());
        Assert.Equal("Report", reported.GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.Null, reported.GetProperty("dueOn").ValueKind);
        Assert.Equal(1, await fixture.ScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%MatterReported' AND payload->>'matterId' = '{id}'"));
        // The event names the place, never the description or the reporter (personal data stays in the grid service).
        var payload = await fixture.ScalarAsync<string>($"SELECT payload::text FROM outbox_messages WHERE message_type LIKE '%MatterReported' AND payload->>'matterId' = '{id}'");
        Assert.Contains("3栋2单元楼道", payload);
        Assert.DoesNotContain("邻里", payload);
        Assert.DoesNotContain("王网格", payload);

        var accepted = await ChangeAsync(id, "accept", new { note = "已签收，尽快处理" });
        Assert.Equal("Accepted", accepted.GetProperty("status").GetString());
        Assert.Equal(GridApi.Iso(Today.AddDays(15)), accepted.GetProperty("dueOn").GetString());
        await ChangeAsync(id, "deliberation", new { });
        var session = await ChangeAsync(id, "sessions", new
        {
            venue = "常青说事室", heldOn = GridApi.Iso(Today), participants = new[] { "张三", "李四", "王网格" }, minutes = "双方陈述，调解员说明规定", decision = "杂物三日内清理",
        });
        Assert.Equal("Deliberating", session.GetProperty("status").GetString());
        var dueOn = Today.AddDays(10);
        var assigned = await ChangeAsync(id, "assign", new { handler = "物业公司", dueOn = GridApi.Iso(dueOn), handlerMemberId = memberId });
        Assert.Equal("Assigned", assigned.GetProperty("status").GetString());
        Assert.Equal("物业公司", assigned.GetProperty("handler").GetString());
        Assert.Equal(GridApi.Iso(dueOn), assigned.GetProperty("dueOn").GetString());
        Assert.Equal("Resolved", (await ChangeAsync(id, "resolve", new { resolution = "杂物已清理，双方和解" })).GetProperty("status").GetString());
        var closed = await ChangeAsync(id, "close", new { satisfaction = 5, note = "居民满意" });
        Assert.Equal("Closed", closed.GetProperty("status").GetString());
        Assert.Equal(5, closed.GetProperty("satisfaction").GetInt32());
        Assert.Equal("closed", closed.GetProperty("open311Status").GetString());

        var detail = await DetailAsync(id);
        var timeline = detail.GetProperty("timeline").EnumerateArray().ToList();
        Assert.Equal(
            ["Reported", "Accepted", "Deliberating", "Deliberating", "Assigned", "Resolved", "Closed"],
            timeline.Select(t => t.GetProperty("status").GetString()));
        Assert.Equal("已签收，尽快处理", timeline[1].GetProperty("note").GetString());
        Assert.Contains("杂物三日内清理", timeline[3].GetProperty("note").GetString());
        Assert.Contains("5/5", timeline[6].GetProperty("note").GetString());
        Assert.Equal(timeline.Select(t => t.GetProperty("at").GetDateTimeOffset()).Order(), timeline.Select(t => t.GetProperty("at").GetDateTimeOffset()));
        var recorded = Assert.Single(detail.GetProperty("sessions").EnumerateArray());
        Assert.Equal("DeliberationRoom", recorded.GetProperty("venue").GetString());
        Assert.Equal(3, recorded.GetProperty("participants").GetArrayLength());

        Assert.Equal(memberId.ToString(), await fixture.ScalarAsync<string>(
            $"SELECT payload->>'resolverMemberId' FROM outbox_messages WHERE message_type LIKE '%MatterResolved' AND payload->>'matterId' = '{id}'"));
        Assert.Equal("Dispute", await fixture.ScalarAsync<string>(
            $"SELECT payload->>'category' FROM outbox_messages WHERE message_type LIKE '%MatterResolved' AND payload->>'matterId' = '{id}'"));
    }

    [Fact]
    public async Task A_matter_resolved_without_a_member_publishes_MatterResolved_without_a_resolver()
    {
        var id = await Client.AcceptedMatterAsync(await Client.CreateGridAsync(), "Property");
        await ChangeAsync(id, "assign", new { handler = "社区物业办", dueOn = GridApi.Iso(Today) });
        await ChangeAsync(id, "resolve", new { resolution = "已更换路灯" });

        Assert.Equal(1, await fixture.ScalarAsync<long>(
            $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%MatterResolved' AND payload->>'matterId' = '{id}' AND payload->>'resolverMemberId' IS NULL"));
    }

    [Fact]
    public async Task A_returned_matter_carries_its_reason_is_closed_for_Open311_and_cannot_be_signed_for()
    {
        var id = (await Client.ReportMatterAsync(await Client.CreateGridAsync())).GetProperty("id").GetGuid();
        await (await TryAsync(id, "return", new { reason = " " })).AssertInvalidAsync("reason");

        var returned = await ChangeAsync(id, "return", new { reason = "属供电公司职责，已告知居民拨打95598" });

        Assert.Equal("Returned", returned.GetProperty("status").GetString());
        Assert.Equal("closed", returned.GetProperty("open311Status").GetString());
        Assert.Contains("95598", returned.GetProperty("statusNotes").GetString());
        var problem = await (await TryAsync(id, "accept", new { })).AssertRuleAsync("matter.transition");
        Assert.Equal("Returned", problem.GetProperty("currentStatus").GetString());
        await (await TryAsync(id, "escalate", new { reason = "居民不满退单" })).AssertRuleAsync("matter.status");
        Assert.Equal("Returned", await fixture.ScalarAsync<string>($"SELECT status FROM matters WHERE id = '{id}'"));
    }

    [Fact]
    public async Task Steps_out_of_order_are_409_naming_the_transition_and_change_nothing()
    {
        var grid = await Client.CreateGridAsync();
        var reported = (await Client.ReportMatterAsync(grid)).GetProperty("id").GetGuid();

        var problem = await (await TryAsync(reported, "resolve", new { resolution = "已处理" })).AssertRuleAsync("matter.transition");
        Assert.Equal("Reported", problem.GetProperty("currentStatus").GetString());
        await (await TryAsync(reported, "deliberation", new { })).AssertRuleAsync("matter.transition");
        await (await TryAsync(reported, "assign", new { handler = "物业", dueOn = GridApi.Iso(Today) })).AssertRuleAsync("matter.transition");

        var assigned = await Client.AcceptedMatterAsync(grid);
        await (await TryAsync(assigned, "accept", new { })).AssertRuleAsync("matter.transition");
        await (await TryAsync(assigned, "sessions", new { venue = "常青说事室", heldOn = GridApi.Iso(Today), participants = new[] { "甲", "乙" }, minutes = "记录", decision = "决定" }))
            .AssertRuleAsync("matter.transition");
        await ChangeAsync(assigned, "assign", new { handler = "物业", dueOn = GridApi.Iso(Today.AddDays(3)) });
        await (await TryAsync(assigned, "close", new { satisfaction = 4 })).AssertRuleAsync("matter.transition");
        await (await TryAsync(assigned, "deliberation", new { })).AssertRuleAsync("matter.transition");
        await (await TryAsync(assigned, "return", new { reason = "不归我管" })).AssertRuleAsync("matter.transition");

        Assert.Equal("Assigned", await fixture.ScalarAsync<string>($"SELECT status FROM matters WHERE id = '{assigned}'"));
        Assert.Equal(3, await fixture.ScalarAsync<long>($"SELECT count(*) FROM matter_timeline WHERE matter_id = '{assigned}'"));
        Assert.Equal(0, await fixture.ScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%MatterResolved' AND payload->>'matterId' = '{reported}'"));
        Assert.Equal(HttpStatusCode.NotFound, (await TryAsync(Guid.NewGuid(), "accept", new { })).StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_the_field()
    {
        var grid = await Client.CreateGridAsync();
        Assert.Contains("Dispute", await (await Client.PostAsJsonAsync("/api/grid/matters", new
        {
            gridCode = grid, category = "装修扰民", location = "1栋", description = "夜间施工", reporterKind = "GridWorker", reporterName = "王网格",
        })).AssertInvalidAsync("category"));
        await (await Client.PostAsJsonAsync("/api/grid/matters", new
        {
            gridCode = grid, category = "Other", location = "1栋", description = "夜间施工", reporterKind = "System", reporterName = "冒充系统",
        })).AssertInvalidAsync("reporterKind");
        await (await Client.PostAsJsonAsync("/api/grid/matters", new
        {
            gridCode = grid, category = "Other", location = "1栋", description = "夜间施工", reporterKind = "居民", reporterName = "赵六",
            photos = Enumerable.Range(0, 11).Select(i => $"photos/{i}.jpg").ToArray(),
        })).AssertInvalidAsync("photos");
        await (await Client.PostAsJsonAsync("/api/grid/matters", new
        {
            gridCode = GridApi.UniqueCode(), category = "Other", location = "1栋", description = "夜间施工", reporterKind = "居民", reporterName = "赵六",
        })).AssertInvalidAsync("gridCode");
        var byLabel = await Client.ReportMatterAsync(grid, "环境卫生");
        Assert.Equal("Environment", byLabel.GetProperty("category").GetString());
        Assert.Equal("环境卫生", byLabel.GetProperty("categoryLabel").GetString());

        var id = await Client.AcceptedMatterAsync(grid);
        Assert.Contains("past", await (await TryAsync(id, "assign", new { handler = "物业", dueOn = GridApi.Iso(Today.AddDays(-1)) })).AssertInvalidAsync("dueOn"));
        await (await TryAsync(id, "assign", new { handler = "", dueOn = GridApi.Iso(Today) })).AssertInvalidAsync("handler");
        await (await TryAsync(id, "assign", new { handler = "物业" })).AssertInvalidAsync("dueOn");
        await ChangeAsync(id, "assign", new { handler = "物业", dueOn = GridApi.Iso(Today) });
        await ChangeAsync(id, "resolve", new { resolution = "已处理" });
        await (await TryAsync(id, "close", new { satisfaction = 6 })).AssertInvalidAsync("satisfaction");
        await (await TryAsync(id, "close", new { satisfaction = 0 })).AssertInvalidAsync("satisfaction");
        await (await TryAsync(id, "close", new { })).AssertInvalidAsync("satisfaction");
        Assert.Equal("Resolved", await fixture.ScalarAsync<string>($"SELECT status FROM matters WHERE id = '{id}'"));
        // A very dissatisfied return visit does not close the matter: it goes back to the handler, on the 督办 board.
        var sentBack = await ChangeAsync(id, "close", new { satisfaction = 1 });
        Assert.Equal(("Assigned", true, JsonValueKind.Null), (sentBack.GetProperty("status").GetString(), sentBack.GetProperty("escalated").GetBoolean(), sentBack.GetProperty("satisfaction").ValueKind));

        var deliberating = await Client.AcceptedMatterAsync(grid);
        await ChangeAsync(deliberating, "deliberation", new { });
        var invalid = await TryAsync(deliberating, "sessions", new { venue = "茶馆", heldOn = GridApi.Iso(Today.AddDays(1)), participants = new[] { "独自一人" }, minutes = "", decision = "" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["decision", "heldOn", "minutes", "participants", "venue"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));

        await (await Client.GetAsync("/api/grid/matters?status=Pending")).AssertInvalidAsync("status");
        await (await Client.GetAsync("/api/grid/matters?category=Noise")).AssertInvalidAsync("category");
    }

    [Fact]
    public async Task A_control_character_in_a_matter_a_filter_or_a_route_is_a_400_naming_the_field_and_writes_nothing()
    {
        var grid = await Client.CreateGridAsync();
        Assert.Contains("must not contain control characters", await (await Client.PostAsJsonAsync("/api/grid/matters", new
        {
            gridCode = grid, category = "Other", location = "1栋", description = "夜间\0施工", reporterKind = "GridWorker", reporterName = "王网格",
        })).AssertInvalidAsync("description"));
        Assert.Contains("must not contain control characters", await (await Client.PostAsJsonAsync("/api/grid/matters", new
        {
            gridCode = grid, category = "Other", location = "1栋", description = "夜间施工", reporterKind = "GridWorker", reporterName = "王网格",
            photos = new[] { "photos/1.jpg", "photos/\u00852.jpg" },
        })).AssertInvalidAsync("photos[1]"));
        Assert.Equal(0, await fixture.ScalarAsync<long>($"SELECT count(*) FROM matters WHERE grid_code = '{grid}'"));

        var id = await Client.AcceptedMatterAsync(grid);
        await ChangeAsync(id, "deliberation", new { });
        Assert.Contains("must not contain control characters", await (await TryAsync(id, "sessions", new
        {
            venue = "常青说事室", heldOn = GridApi.Iso(Today), participants = new[] { "张三", "李\u001b四" }, minutes = "双方陈述", decision = "调解",
        })).AssertInvalidAsync("participants[1]"));
        Assert.Equal(0, await fixture.ScalarAsync<long>($"SELECT count(*) FROM deliberation_sessions WHERE matter_id = '{id}'"));

        Assert.Contains("must not contain control characters", await (await Client.GetAsync("/api/grid/matters?gridCode=%00")).AssertInvalidAsync("gridCode"));
        Assert.Contains("must not contain control characters", await (await Client.GetAsync("/api/grid/grids/G%7F01")).AssertInvalidAsync("code"));
    }

    [Fact]
    public async Task Only_open_matters_past_their_due_date_are_listed_as_overdue()
    {
        var grid = await Client.CreateGridAsync();
        var late = await Client.AcceptedMatterAsync(grid);
        var onTime = await Client.AcceptedMatterAsync(grid);
        var resolvedLate = await Client.AcceptedMatterAsync(grid);
        await ChangeAsync(resolvedLate, "assign", new { handler = "物业", dueOn = GridApi.Iso(Today) });
        await ChangeAsync(resolvedLate, "resolve", new { resolution = "已处理" });
        var dueToday = await Client.AcceptedMatterAsync(grid);
        await fixture.ScalarAsync<int>($"UPDATE matters SET due_on = '{GridApi.Iso(Today.AddDays(-1))}' WHERE id IN ('{late}', '{resolvedLate}') RETURNING 1");
        await fixture.ScalarAsync<int>($"UPDATE matters SET due_on = '{GridApi.Iso(Today)}' WHERE id = '{dueToday}' RETURNING 1");

        var overdue = await ListAsync($"gridCode={grid}&overdue=true");

        Assert.Equal([late], overdue.Ids());
        Assert.True(overdue.GetProperty("items")[0].GetProperty("overdue").GetBoolean());
        var all = (await ListAsync($"gridCode={grid}")).GetProperty("items").EnumerateArray().ToDictionary(m => m.GetProperty("id").GetGuid());
        Assert.Equal(4, all.Count);
        Assert.False(all[onTime].GetProperty("overdue").GetBoolean());
        Assert.False(all[dueToday].GetProperty("overdue").GetBoolean());
        Assert.False(all[resolvedLate].GetProperty("overdue").GetBoolean());
        Assert.True((await DetailAsync(late)).GetProperty("matter").GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task An_escalated_matter_is_on_the_board_until_it_is_closed()
    {
        var grid = await Client.CreateGridAsync();
        var id = await Client.AcceptedMatterAsync(grid, "Environment");
        var other = await Client.AcceptedMatterAsync(grid, "Environment");
        await (await TryAsync(id, "escalate", new { reason = "" })).AssertInvalidAsync("reason");

        var escalated = await ChangeAsync(id, "escalate", new { reason = "居民多次反映，书记督办" });

        Assert.True(escalated.GetProperty("escalated").GetBoolean());
        Assert.Equal("Accepted", escalated.GetProperty("status").GetString());
        Assert.Equal([id], (await ListAsync($"gridCode={grid}&escalated=true")).Ids());
        var last = (await DetailAsync(id)).GetProperty("timeline").EnumerateArray().Last();
        Assert.Equal("督办：居民多次反映，书记督办", last.GetProperty("note").GetString());
        Assert.Equal("Accepted", last.GetProperty("status").GetString());
        Assert.False((await DetailAsync(other)).GetProperty("matter").GetProperty("escalated").GetBoolean());

        await ChangeAsync(id, "assign", new { handler = "环卫所", dueOn = GridApi.Iso(Today) });
        await ChangeAsync(id, "resolve", new { resolution = "已清运" });
        await ChangeAsync(id, "close", new { satisfaction = 4 });
        Assert.Empty((await ListAsync($"gridCode={grid}&escalated=true")).Ids());
        await (await TryAsync(id, "escalate", new { reason = "再次督办" })).AssertRuleAsync("matter.status");
    }

    [Fact]
    public async Task A_resident_reports_as_themselves_and_sees_only_their_own_matters()
    {
        var grid = await Client.CreateGridAsync();
        var resident = fixture.App.CreateClientAs(CommunityRoles.Resident, grid);
        var neighbour = fixture.App.CreateClientAs(CommunityRoles.Resident, grid);

        var mine = await resident.PostOkAsync("/api/grid/matters", new
        {
            gridCode = grid, category = "Environment", location = "2栋门口", description = "垃圾桶满溢", reporterKind = "GridWorker", reporterName = "冒名网格员",
        });
        var mineId = mine.GetProperty("id").GetGuid();
        Assert.Equal("Resident", mine.GetProperty("reporterKind").GetString());
        Assert.Equal("测试用户", await fixture.ScalarAsync<string>($"SELECT reporter_name FROM matters WHERE id = '{mineId}'"));
        var theirs = (await neighbour.PostOkAsync("/api/grid/matters", new
        {
            gridCode = grid, category = "Property", location = "3栋", description = "电梯故障", reporterKind = "Resident", reporterName = "邻居",
        })).GetProperty("id").GetGuid();
        var workers = (await Client.ReportMatterAsync(grid)).GetProperty("id").GetGuid();

        Assert.Equal([mineId], (await ListAsync("", resident)).Ids());
        Assert.Equal([theirs], (await ListAsync($"gridCode={grid}", neighbour)).Ids());
        Assert.Equal(HttpStatusCode.OK, (await resident.GetAsync($"/api/grid/matters/{mineId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync($"/api/grid/matters/{theirs}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync($"/api/grid/matters/{workers}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await TryAsync(mineId, "accept", new { }, resident)).StatusCode);
        await (await resident.PostAsJsonAsync("/api/grid/matters", new
        {
            gridCode = await Client.CreateGridAsync(), category = "Other", location = "别处", description = "别处的事", reporterKind = "Resident", reporterName = "我",
        })).AssertInvalidAsync("gridCode");

        var worker = fixture.App.CreateClientAs(CommunityRoles.GridWorker, grid);
        Assert.Equal([mineId, theirs, workers], (await ListAsync("", worker)).Ids());
    }

    [Fact]
    public async Task A_grid_worker_neither_sees_nor_handles_another_grids_matters()
    {
        var mine = await Client.CreateGridAsync();
        var theirs = await Client.CreateGridAsync();
        var own = (await Client.ReportMatterAsync(mine)).GetProperty("id").GetGuid();
        var foreign = (await Client.ReportMatterAsync(theirs)).GetProperty("id").GetGuid();
        var worker = fixture.App.CreateClientAs(CommunityRoles.GridWorker, mine);

        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/api/grid/matters/{foreign}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await TryAsync(foreign, "accept", new { }, worker)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await TryAsync(foreign, "escalate", new { reason = "越权督办" }, worker)).StatusCode);
        Assert.Empty((await ListAsync($"gridCode={theirs}", worker)).Ids());
        Assert.Equal([own], (await ListAsync("", worker)).Ids());
        Assert.Equal("Reported", await fixture.ScalarAsync<string>($"SELECT status FROM matters WHERE id = '{foreign}'"));

        await worker.PostOkAsync($"/api/grid/matters/{own}/accept", new { }, HttpStatusCode.OK);
        await (await worker.PostAsJsonAsync("/api/grid/matters", new
        {
            gridCode = theirs, category = "Other", location = "外网格", description = "越权上报", reporterKind = "GridWorker", reporterName = "王网格",
        })).AssertInvalidAsync("gridCode");
        var county = fixture.App.CreateClientAs(CommunityRoles.County);
        Assert.Equal(HttpStatusCode.Forbidden, (await county.GetAsync($"/api/grid/matters/{foreign}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await TryAsync(foreign, "accept", new { }, county)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Anonymous.GetAsync("/api/grid/matters")).StatusCode);
    }

    [Fact]
    public async Task Open311_fields_follow_the_matter_from_open_to_closed_with_the_expected_datetime_after_the_due_day()
    {
        var grid = await Client.CreateGridAsync();
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        var reported = await Client.ReportMatterAsync(grid, "Environment");
        var id = reported.GetProperty("id").GetGuid();

        Assert.Equal("open", reported.GetProperty("open311Status").GetString());
        Assert.Equal("问事：已登记", reported.GetProperty("statusNotes").GetString());
        Assert.Equal(JsonValueKind.Null, reported.GetProperty("expectedDatetime").ValueKind);
        Assert.InRange(reported.GetProperty("requestedDatetime").GetDateTimeOffset(), before, DateTimeOffset.UtcNow.AddSeconds(5));

        var accepted = await ChangeAsync(id, "accept", new { note = "网格员已到场查看" });
        var due = Today.AddDays(3);
        Assert.Equal(GridApi.Iso(due), accepted.GetProperty("dueOn").GetString());
        Assert.Equal("open", accepted.GetProperty("open311Status").GetString());
        Assert.Equal("网格员已到场查看", accepted.GetProperty("statusNotes").GetString());
        // Due by the end of the due day in the community's time: the next day's midnight at UTC+8.
        Assert.Equal(new DateTimeOffset(due.AddDays(1).ToDateTime(TimeOnly.MinValue), CommunityTime.Offset), accepted.GetProperty("expectedDatetime").GetDateTimeOffset());
        Assert.True(accepted.GetProperty("updatedDatetime").GetDateTimeOffset() >= reported.GetProperty("updatedDatetime").GetDateTimeOffset());

        await ChangeAsync(id, "assign", new { handler = "环卫所", dueOn = GridApi.Iso(Today) });
        await ChangeAsync(id, "resolve", new { resolution = "已清理" });
        var resolved = (await DetailAsync(id)).GetProperty("matter");
        Assert.Equal("open", resolved.GetProperty("open311Status").GetString());
        Assert.Equal("办结：已清理", resolved.GetProperty("statusNotes").GetString());
        var closed = await ChangeAsync(id, "close", new { satisfaction = 3 });
        Assert.Equal("closed", closed.GetProperty("open311Status").GetString());
        Assert.Equal("回访销号，满意度 3/5", closed.GetProperty("statusNotes").GetString());
    }

    [Fact]
    public async Task Every_step_of_the_timeline_names_the_person_who_took_it_not_only_their_account()
    {
        var id = await Client.AcceptedMatterAsync(await Client.CreateGridAsync());
        await ChangeAsync(id, "assign", new { handler = "物业", dueOn = GridApi.Iso(Today) });

        var timeline = (await DetailAsync(id)).GetProperty("timeline").EnumerateArray().ToList();
        Assert.Equal(3, timeline.Count);
        Assert.All(timeline, t =>
        {
            Assert.Equal("测试用户", t.GetProperty("actorName").GetString());
            Assert.True(Guid.TryParse(t.GetProperty("actor").GetString(), out _));
        });
    }

    [Fact]
    public async Task The_resident_who_reported_a_matter_rates_it_and_a_low_score_sends_it_back_instead_of_closing_it()
    {
        var grid = await Client.CreateGridAsync();
        var resident = fixture.App.CreateClientAs(CommunityRoles.Resident, grid);
        var neighbour = fixture.App.CreateClientAs(CommunityRoles.Resident, grid);
        var id = (await resident.PostOkAsync("/api/grid/matters", new
        {
            gridCode = grid, category = "Property", location = "5栋", description = "楼道灯坏了", reporterKind = "Resident", reporterName = "周桂英",
        })).GetProperty("id").GetGuid();
        Assert.True((await DetailAsync(id)).GetProperty("matter").GetProperty("reporterRates").GetBoolean());
        await ChangeAsync(id, "accept", new { });
        await ChangeAsync(id, "assign", new { handler = "物业", dueOn = GridApi.Iso(Today) });
        await ChangeAsync(id, "resolve", new { resolution = "已换灯泡" });

        // The worker may not type the resident's score; nobody but the reporter rates it.
        await (await TryAsync(id, "close", new { satisfaction = 5 })).AssertRuleAsync("matter.rating");
        Assert.Equal(HttpStatusCode.Forbidden, (await TryAsync(id, "rating", new { satisfaction = 5 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await TryAsync(id, "rating", new { satisfaction = 5 }, neighbour)).StatusCode);
        await (await TryAsync(id, "rating", new { satisfaction = 9 }, resident)).AssertInvalidAsync("satisfaction");
        Assert.Equal("Resolved", await fixture.ScalarAsync<string>($"SELECT status FROM matters WHERE id = '{id}'"));

        var sentBack = await resident.PostOkAsync($"/api/grid/matters/{id}/rating", new { satisfaction = 2, comment = "灯还是不亮" }, HttpStatusCode.OK);
        Assert.Equal(("Assigned", true), (sentBack.GetProperty("status").GetString(), sentBack.GetProperty("escalated").GetBoolean()));
        Assert.Contains(id, (await ListAsync("escalated=true")).Ids());
        Assert.Equal(1, await fixture.ScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%MatterReopened' AND payload->>'matterId' = '{id}'"));
        Assert.Equal(0, await fixture.ScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%MatterClosed' AND payload->>'matterId' = '{id}'"));

        await ChangeAsync(id, "resolve", new { resolution = "已更换线路" });
        var closed = await resident.PostOkAsync($"/api/grid/matters/{id}/rating", new { satisfaction = 5 }, HttpStatusCode.OK);
        Assert.Equal(("Closed", 5), (closed.GetProperty("status").GetString(), closed.GetProperty("satisfaction").GetInt32()));
        Assert.Equal("测试用户", (await DetailAsync(id)).GetProperty("timeline").EnumerateArray().Last().GetProperty("actorName").GetString());
        Assert.Equal(1, await fixture.ScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%MatterClosed' AND payload->>'matterId' = '{id}'"));
    }

    [Fact]
    public async Task A_resolved_matter_left_unrated_past_the_rating_window_closes_with_no_score()
    {
        var grid = await Client.CreateGridAsync();
        var resident = fixture.App.CreateClientAs(CommunityRoles.Resident, grid);
        Guid Reported(JsonElement m) => m.GetProperty("id").GetGuid();
        var late = Reported(await resident.PostOkAsync("/api/grid/matters", new
        {
            gridCode = grid, category = "Property", location = "5栋", description = "楼道灯坏了", reporterKind = "Resident", reporterName = "周桂英",
        }));
        await ChangeAsync(late, "accept", new { });
        var recent = await Client.AcceptedMatterAsync(grid);
        foreach (var id in new[] { late, recent })
        {
            await ChangeAsync(id, "assign", new { handler = "物业", dueOn = GridApi.Iso(Today) });
            await ChangeAsync(id, "resolve", new { resolution = "已处理" });
        }

        await fixture.ScalarAsync<long>($"WITH moved AS (UPDATE matters SET resolved_at = now() - interval '8 days' WHERE id = '{late}' RETURNING 1) SELECT count(*) FROM moved");
        await fixture.App.Services.GetRequiredService<MatterMonitor>().RunOnceAsync(CancellationToken.None);

        var closed = (await DetailAsync(late)).GetProperty("matter");
        Assert.Equal(("Closed", JsonValueKind.Null), (closed.GetProperty("status").GetString(), closed.GetProperty("satisfaction").ValueKind));
        Assert.Equal("Resolved", (await DetailAsync(recent)).GetProperty("matter").GetProperty("status").GetString());
        Assert.True(await fixture.ScalarAsync<bool>($"SELECT payload->'satisfaction' = 'null'::jsonb FROM outbox_messages WHERE message_type LIKE '%MatterClosed' AND payload->>'matterId' = '{late}'"));
    }
}
