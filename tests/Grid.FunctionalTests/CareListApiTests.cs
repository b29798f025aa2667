using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.ServiceKit.Security;

namespace CommunityPlatform.Grid.FunctionalTests;

/// <summary>
/// The care list (重点人员): sealed at rest, every read audited with its reason, only for the secretary and the
/// grid workers of the person's grid, never published.
/// </summary>
[Collection(GridApiCollection.Name)]
public sealed class CareListApiTests(GridApiFixture fixture)
{
    private const string Name = "赵某某";
    private const string IdNumber = "43052419800101123X";
    private const string Circumstances = "2019年确诊，家属监护，按时服药";

    private async Task<(string Grid, Guid Id, HttpClient Worker)> RegisterAsync(int visitIntervalDays = 30)
    {
        var grid = await fixture.Client.CreateGridAsync();
        var worker = fixture.App.CreateClientAs(CommunityRoles.GridWorker, grid);
        var created = await worker.PostOkAsync("/api/grid/care-list", new
        {
            gridCode = grid, category = "严重精神障碍患者", risk = "中", responsibleWorkerId = "worker-7", visitIntervalDays, sensitiveIntervalDays = 7,
            details = new { name = Name, idNumber = IdNumber, phone = "13900001234", address = "幸福里3栋2单元301", circumstances = Circumstances },
        });
        Assert.False(created.TryGetProperty("details", out _), "the acknowledgement must not echo personal fields");
        return (grid, created.GetProperty("id").GetGuid(), worker);
    }

    [Fact]
    public async Task The_database_holds_no_plaintext_of_a_care_record_or_its_visits()
    {
        var (_, id, worker) = await RegisterAsync();
        await worker.PostOkAsync($"/api/grid/care-list/{id}/visits", new { visitedOn = GridApi.Iso(GridApi.Today), notes = "情绪稳定，家属反映按时服药" });

        var row = await fixture.ScalarAsync<string>($"SELECT row_to_json(c)::text FROM care_people c WHERE id = '{id}'");
        var visits = await fixture.ScalarAsync<string>($"SELECT coalesce(string_agg(row_to_json(v)::text, ''), '') FROM care_visits v WHERE care_person_id = '{id}'");
        // The category (a health or criminal record) and the risk level are sensitive themselves.
        foreach (var secret in new[] { Name, IdNumber, "13900001234", "幸福里", "确诊", "情绪稳定", "MentalIllness", "Medium" })
        {
            Assert.DoesNotContain(secret, row);
            Assert.DoesNotContain(secret, visits);
        }

        Assert.Equal(0, await fixture.ScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE payload::text LIKE '%{id}%'"));
    }

    [Fact]
    public async Task Every_read_names_its_reason_and_leaves_an_audit_row_with_who_and_why()
    {
        var (_, id, worker) = await RegisterAsync();
        Assert.Contains("required", await (await worker.GetAsync($"/api/grid/care-list/{id}")).AssertInvalidAsync("reason"));
        Assert.Equal(0, await AuditRowsAsync(id));

        var record = await worker.GetFromJsonAsync<JsonElement>($"/api/grid/care-list/{id}?reason=月度走访前核对");
        Assert.Equal(Name, record.GetProperty("details").GetProperty("name").GetString());
        Assert.Equal(Circumstances, record.GetProperty("details").GetProperty("circumstances").GetString());
        Assert.Equal(1, await AuditRowsAsync(id));
        Assert.Equal("月度走访前核对", await fixture.ScalarAsync<string>($"SELECT detail FROM audit_entries WHERE action = 'care_record_read' AND subject = '{id}'"));

        await worker.GetFromJsonAsync<JsonElement>("/api/grid/care-list?reason=网格例会");
        Assert.Equal(2, await AuditRowsAsync(id));
    }

    [Fact]
    public async Task Only_the_grid_workers_of_the_persons_grid_and_the_secretary_reach_the_record()
    {
        var (_, id, _) = await RegisterAsync();
        var otherGrid = await fixture.Client.CreateGridAsync();
        var otherWorker = fixture.App.CreateClientAs(CommunityRoles.GridWorker, otherGrid);
        Assert.Equal(HttpStatusCode.NotFound, (await otherWorker.GetAsync($"/api/grid/care-list/{id}?reason=好奇")).StatusCode);
        var list = await otherWorker.GetFromJsonAsync<JsonElement>("/api/grid/care-list?reason=例会");
        Assert.DoesNotContain(list.EnumerateArray(), r => r.GetProperty("record").GetProperty("id").GetGuid() == id);

        foreach (var role in new[] { CommunityRoles.Staff, CommunityRoles.Inspector, CommunityRoles.County, CommunityRoles.Resident })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.CreateClientAs(role).GetAsync($"/api/grid/care-list/{id}?reason=x")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await fixture.Client.GetAsync($"/api/grid/care-list/{id}?reason=书记督导")).StatusCode);
        Assert.Equal(0, await fixture.ScalarAsync<long>($"SELECT count(*) FROM audit_entries WHERE subject = '{id}' AND detail = '好奇' AND action = 'care_record_read'"));
    }

    [Fact]
    public async Task A_person_not_visited_within_the_interval_is_due_and_a_visit_clears_it()
    {
        var (grid, id, worker) = await RegisterAsync(visitIntervalDays: 7);
        await fixture.ScalarAsync<int>($"UPDATE care_people SET registered_on = registered_on - 10 WHERE id = '{id}' RETURNING 1");

        var due = await worker.GetFromJsonAsync<JsonElement>("/api/grid/care-list/visits-due");
        var entry = due.EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == id);
        Assert.False(entry.TryGetProperty("details", out _));

        await worker.PostOkAsync($"/api/grid/care-list/{id}/visits", new { visitedOn = GridApi.Iso(GridApi.Today), notes = "已走访" });
        due = await worker.GetFromJsonAsync<JsonElement>("/api/grid/care-list/visits-due");
        Assert.DoesNotContain(due.EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);
        Assert.NotEmpty(grid);
    }

    [Fact]
    public async Task Invalid_care_records_are_refused_field_by_field()
    {
        var grid = await fixture.Client.CreateGridAsync();
        var response = await fixture.Client.PostAsJsonAsync("/api/grid/care-list", new
        {
            gridCode = grid, category = "吸毒人员", risk = "极高", responsibleWorkerId = "w", visitIntervalDays = 0,
            details = new { name = "某", idNumber = "123" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "category", "risk", "visitIntervalDays", "details.idNumber" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }

        Assert.Equal(0, await fixture.ScalarAsync<long>($"SELECT count(*) FROM care_people WHERE grid_code = '{grid}'"));
    }

    [Fact]
    public async Task The_secretary_lists_who_read_which_record_when_and_why_with_refused_attempts_marked_by_reader_record_and_day()
    {
        var (_, id, worker) = await RegisterAsync();
        var outsider = fixture.App.CreateClientAs(CommunityRoles.GridWorker, await fixture.Client.CreateGridAsync());
        var staff = fixture.App.CreateClientAs(CommunityRoles.Staff);
        await worker.GetFromJsonAsync<JsonElement>($"/api/grid/care-list/{id}?reason=月度走访前核对");
        Assert.Equal(HttpStatusCode.BadRequest, (await worker.GetAsync($"/api/grid/care-list/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/grid/care-list/{id}?reason=好奇")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/api/grid/care-list/{id}?reason=帮忙查看")).StatusCode);

        var page = await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/grid/care-list/audit?record={id}");

        var entries = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(
            [(SubjectOf(staff), "帮忙查看", true), (SubjectOf(outsider), "好奇", true), (SubjectOf(worker), null, true), (SubjectOf(worker), "月度走访前核对", false)],
            entries.Select(e => (e.GetProperty("readerId").GetString()!, e.GetProperty("reason").GetString(), e.GetProperty("refused").GetBoolean())));
        Assert.All(entries, e =>
        {
            Assert.Equal(["id", "occurredAt", "readerId", "readerName", "reason", "recordId", "refused"], e.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
            Assert.Equal(id, e.GetProperty("recordId").GetGuid());
            Assert.Equal("测试用户", e.GetProperty("readerName").GetString());
            Assert.InRange(e.GetProperty("occurredAt").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        });
        Assert.DoesNotContain(Name, page.GetRawText());

        var theWorkers = await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/grid/care-list/audit?reader={SubjectOf(worker)}");
        Assert.Equal([false, true], theWorkers.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("refused").GetBoolean()).Order());

        var first = await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/grid/care-list/audit?record={id}&limit=3");
        var rest = await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/grid/care-list/audit?record={id}&limit=3&cursor={first.GetProperty("nextCursor").GetString()}");
        Assert.Equal(3, first.GetProperty("items").GetArrayLength());
        Assert.Equal("月度走访前核对", Assert.Single(rest.GetProperty("items").EnumerateArray()).GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, rest.GetProperty("nextCursor").ValueKind);

        var today = GridApi.Iso(GridApi.Today);
        var yesterday = GridApi.Iso(GridApi.Today.AddDays(-1));
        Assert.Equal(4, (await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/grid/care-list/audit?record={id}&from={today}&to={today}")).GetProperty("items").GetArrayLength());
        Assert.Equal(0, (await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/grid/care-list/audit?record={id}&to={yesterday}")).GetProperty("items").GetArrayLength());
        await (await fixture.Client.GetAsync($"/api/grid/care-list/audit?from={today}&to={yesterday}")).AssertInvalidAsync("to");

        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync("/api/grid/care-list/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/grid/care-list/audit")).StatusCode);
    }

    [Fact]
    public async Task A_list_read_without_a_reason_is_refused_and_audited_without_a_record()
    {
        var (_, _, worker) = await RegisterAsync();
        await (await worker.GetAsync("/api/grid/care-list")).AssertInvalidAsync("reason");

        var mine = await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/grid/care-list/audit?reader={SubjectOf(worker)}");
        var entry = Assert.Single(mine.GetProperty("items").EnumerateArray());
        Assert.True(entry.GetProperty("refused").GetBoolean());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("recordId").ValueKind);
    }

    private static string SubjectOf(HttpClient client) =>
        new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(client.DefaultRequestHeaders.Authorization!.Parameter).Subject;

    private Task<long> AuditRowsAsync(Guid id) =>
        fixture.ScalarAsync<long>($"SELECT count(*) FROM audit_entries WHERE action = 'care_record_read' AND subject = '{id}'");
}
