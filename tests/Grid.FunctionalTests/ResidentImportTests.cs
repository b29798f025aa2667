using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommunityPlatform.ServiceKit.Security;
using Xunit.Abstractions;

namespace CommunityPlatform.Grid.FunctionalTests;

[Collection(GridApiCollection.Name)]
public sealed class ResidentImportTests(GridApiFixture fixture, ITestOutputHelper output)
{
    private const string ChineseHeader = "网格,楼栋,单元,房号,姓名,性别,出生日期,联系电话,与户主关系,职务";

    private HttpClient Client => fixture.Client;

    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, string csv) =>
        client.PostAsync("/api/grid/imports/residents", new StringContent(csv, Encoding.UTF8, "text/csv"));

    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] csv)
    {
        var content = new ByteArrayContent(csv);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return client.PostAsync("/api/grid/imports/residents", content);
    }

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"import: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<long> CountAsync(string table, string grid) => fixture.ScalarAsync<long>($"SELECT count(*) FROM {table} WHERE grid_code = '{grid}'");

    private Task<long> UnitsOfGridAsync(string grid) =>
        fixture.ScalarAsync<long>($"SELECT count(*) FROM units u JOIN buildings b ON b.id = u.building_id WHERE b.grid_code = '{grid}'");

    private static void AssertCounts(JsonElement result, int rows, int buildings, int units, int households, int residents, int present, int buildingHeads, int unitHeads)
    {
        Assert.Equal(rows, result.GetProperty("rows").GetInt32());
        Assert.Equal(buildings, result.GetProperty("buildingsCreated").GetInt32());
        Assert.Equal(units, result.GetProperty("unitsCreated").GetInt32());
        Assert.Equal(households, result.GetProperty("householdsCreated").GetInt32());
        Assert.Equal(residents, result.GetProperty("residentsCreated").GetInt32());
        Assert.Equal(present, result.GetProperty("residentsAlreadyPresent").GetInt32());
        Assert.Equal(buildingHeads, result.GetProperty("buildingHeads").GetInt32());
        Assert.Equal(unitHeads, result.GetProperty("unitHeads").GetInt32());
    }

    [Fact]
    public async Task A_spreadsheet_with_chinese_headers_a_bom_crlf_and_a_quoted_comma_creates_the_places_residents_and_heads_it_reports()
    {
        var grid = await Client.CreateGridAsync();
        var csv = string.Join("\r\n",
            ChineseHeader,
            $"{grid},1栋,1单元,101,张建国,男,1960-03-15,13800000001,户主,楼栋长",
            $"{grid},1栋,1单元,101,李秀兰,女,1962/7/8,,,",
            $"{grid},1栋,2单元,201,王芳,女,19850512,13800000002,户主,单元长",
            $"{grid},\"2栋,东区\",,301, 赵明 ,男,1990.1.2,,户主,",
            $"{grid},\"2栋,东区\",,301,赵小明,Male,,,子女,") + "\r\n";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray();

        var result = await OkAsync(await ImportAsync(Client, bytes));

        AssertCounts(result, rows: 5, buildings: 2, units: 2, households: 3, residents: 5, present: 0, buildingHeads: 1, unitHeads: 1);
        Assert.Equal(2, await CountAsync("buildings", grid));
        Assert.Equal(2, await UnitsOfGridAsync(grid));
        Assert.Equal(3, await CountAsync("households", grid));
        Assert.Equal(5, await CountAsync("residents", grid));
        Assert.Equal(2, await fixture.ScalarAsync<long>($"SELECT count(*) FROM households h JOIN buildings b ON b.id = h.building_id WHERE b.grid_code = '{grid}' AND b.name = '1栋'"));
        Assert.Equal(2, await fixture.ScalarAsync<long>(
            $"SELECT count(*) FROM residents r JOIN households h ON h.id = r.household_id JOIN buildings b ON b.id = h.building_id WHERE b.grid_code = '{grid}' AND b.name = '2栋,东区' AND h.room = '301' AND h.unit_id IS NULL"));
        Assert.Equal("张建国", await fixture.ScalarAsync<string>(
            $"SELECT r.name FROM buildings b JOIN residents r ON r.id = b.head_resident_id WHERE b.grid_code = '{grid}' AND b.name = '1栋'"));
        Assert.Equal("王芳", await fixture.ScalarAsync<string>(
            $"SELECT r.name FROM units u JOIN buildings b ON b.id = u.building_id JOIN residents r ON r.id = u.head_resident_id WHERE b.grid_code = '{grid}' AND u.name = '2单元'"));
        Assert.Equal(new DateOnly(1962, 7, 8), await fixture.ScalarAsync<DateOnly>($"SELECT birth_date FROM residents WHERE grid_code = '{grid}' AND name = '李秀兰'"));
        Assert.Equal("其他", await fixture.ScalarAsync<string>($"SELECT relation FROM residents WHERE grid_code = '{grid}' AND name = '李秀兰'"));
        AtRest.AssertSealed(await fixture.ScalarAsync<string>($"SELECT phone FROM residents WHERE grid_code = '{grid}' AND name = '王芳'"), "13800000002");
        Assert.Equal(1, await fixture.ScalarAsync<long>($"SELECT count(*) FROM residents WHERE grid_code = '{grid}' AND name = '赵明' AND birth_date = '1990-01-02'"));

        var listed = await Client.GetFromJsonAsync<JsonElement>($"/api/grid/residents?gridCode={grid}");
        Assert.Equal(5, listed.Ids().Count);
        var building = (await Client.GetFromJsonAsync<JsonElement>($"/api/grid/buildings?gridCode={grid}")).GetProperty("items").EnumerateArray().Single(b => b.GetProperty("name").GetString() == "1栋");
        Assert.Equal(2, building.GetProperty("households").GetInt32());
    }

    [Fact]
    public async Task Importing_the_same_file_again_with_english_headers_adds_nothing_and_counts_everyone_as_present()
    {
        var grid = await Client.CreateGridAsync();
        var csv = $"GridCode,Building,Unit,Room,Name,Gender,BirthDate,Phone,Relation,Role\n"
            + $"{grid},5栋,1单元,101,孙立,男,1970-01-01,,户主,楼栋长\n"
            + $"{grid},5栋,1单元,101,孙丽,女,1972-02-02,,配偶,\n"
            + $"{grid},5栋,1单元,102,钱进,男,,,户主,单元长\n";
        AssertCounts(await OkAsync(await ImportAsync(Client, csv)), rows: 3, buildings: 1, units: 1, households: 2, residents: 3, present: 0, buildingHeads: 1, unitHeads: 1);

        var again = await OkAsync(await ImportAsync(Client, csv));

        AssertCounts(again, rows: 3, buildings: 0, units: 0, households: 0, residents: 0, present: 3, buildingHeads: 0, unitHeads: 0);
        Assert.Equal(1, await CountAsync("buildings", grid));
        Assert.Equal(1, await UnitsOfGridAsync(grid));
        Assert.Equal(2, await CountAsync("households", grid));
        Assert.Equal(3, await CountAsync("residents", grid));

        // A new person in a known household is added; the others are still present.
        var more = await OkAsync(await ImportAsync(Client, csv + $"{grid},5栋,1单元,102,钱多多,女,2015-06-01,,子女,\n"));
        AssertCounts(more, rows: 4, buildings: 0, units: 0, households: 0, residents: 1, present: 3, buildingHeads: 0, unitHeads: 0);
        Assert.Equal(4, await CountAsync("residents", grid));
    }

    [Fact]
    public async Task A_file_with_broken_rows_is_a_400_naming_each_bad_line_and_imports_nothing()
    {
        var grid = await Client.CreateGridAsync();
        var unknownGrid = GridApi.UniqueCode("NOPE");
        var lines = new[]
        {
            ChineseHeader,
            $"{grid},1栋,,101,周一,男,1980-01-01,,户主,",            // 2 fine
            $"{grid},1栋,,102,周二,未知,1980-01-01,,户主,",          // 3 gender
            $"{unknownGrid},1栋,,103,周三,男,1980-01-01,,户主,",     // 4 grid
            $"{grid},1栋,,104,周四,女,1990-13-45,,户主,",            // 5 date
            $"{grid},1栋,,105,周五,女,1991-01-01,,户主,",            // 6 fine
            $"{grid},1栋,,105,周五,女,1991-01-01,,户主,",            // 7 repeats line 6
            $"{grid},1栋,,,周六,男,1992-01-01,,户主,",               // 8 room missing
            $"{grid},1栋,,106,周日,男,1993-01-01,12345,户主,",       // 9 phone
            $"{grid},1栋,,107,吴一,男,1994-01-01,,户主,楼栋长",      // 10 fine
            $"{grid},1栋,,108,吴二,男,1995-01-01,,户主,楼栋长",      // 11 second head of 1栋
            $"{grid},1栋,,109,吴三,男,1996-01-01,,户主,单元长",      // 12 unit head without a unit
            $"{grid},1栋,,110,吴四,男,1997-01-01,,户主,",            // 13 fine
        };
        var residentsBefore = await fixture.ScalarAsync<long>("SELECT count(*) FROM residents");
        var buildingsBefore = await fixture.ScalarAsync<long>("SELECT count(*) FROM buildings");
        var householdsBefore = await fixture.ScalarAsync<long>("SELECT count(*) FROM households");

        var response = await ImportAsync(Client, string.Join("\n", lines));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(
            ["file", "line 11", "line 12", "line 3", "line 4", "line 5", "line 7", "line 8", "line 9"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        string Messages(string key) => string.Join(" ", errors.GetProperty(key).EnumerateArray().Select(m => m.GetString()));
        Assert.Contains("gender", Messages("line 3"));
        Assert.Contains(unknownGrid, Messages("line 4"));
        Assert.Contains("1990-13-45", Messages("line 5"));
        Assert.Contains("line 6", Messages("line 7"));
        Assert.Contains("房号", Messages("line 8"));
        Assert.Contains("phone", Messages("line 9"));
        Assert.Contains("line 10", Messages("line 11"));
        Assert.Contains("needs the 单元", Messages("line 12"));
        Assert.Contains("8 row(s)", Messages("file"));
        Assert.Contains("nothing was imported", Messages("file"));

        Assert.Equal(residentsBefore, await fixture.ScalarAsync<long>("SELECT count(*) FROM residents"));
        Assert.Equal(buildingsBefore, await fixture.ScalarAsync<long>("SELECT count(*) FROM buildings"));
        Assert.Equal(householdsBefore, await fixture.ScalarAsync<long>("SELECT count(*) FROM households"));
        Assert.Equal(0, await CountAsync("buildings", grid));
    }

    [Fact]
    public async Task A_household_without_a_head_rejects_the_file_on_its_first_line_naming_it_unless_the_household_already_has_one()
    {
        var grid = await Client.CreateGridAsync();
        var csv = string.Join("\n",
            ChineseHeader,
            $"{grid},8栋,1单元,101,蒋一,男,1970-01-01,,户主,",
            $"{grid},8栋,1单元,101,蒋二,女,1972-01-01,,配偶,",
            $"{grid},8栋,1单元,102,沈一,男,1975-01-01,,配偶,",   // 4: household 102 has no 户主
            $"{grid},8栋,1单元,102,沈二,女,2005-01-01,,子女,",
            $"{grid},8栋,,102,韩一,女,1980-01-01,,,") + "\n";        // 6: room 102 without a unit is another household, also headless

        var response = await ImportAsync(Client, csv);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["file", "line 4", "line 6"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        var line4 = string.Join(" ", errors.GetProperty("line 4").EnumerateArray().Select(m => m.GetString()));
        Assert.Contains("8栋 1单元 102", line4);
        Assert.Contains("户主", line4);
        Assert.Contains("8栋 102", string.Join(" ", errors.GetProperty("line 6").EnumerateArray().Select(m => m.GetString())));
        Assert.Equal(0, await CountAsync("residents", grid));
        Assert.Equal(0, await CountAsync("households", grid));

        // With the head added the file imports; later a new member of that household needs no head row of their own.
        AssertCounts(await OkAsync(await ImportAsync(Client, csv + $"{grid},8栋,1单元,102,沈父,男,1948-01-01,,户主,\n{grid},8栋,,102,韩户主,男,1979-01-01,,户主,\n")),
            rows: 7, buildings: 1, units: 1, households: 3, residents: 7, present: 0, buildingHeads: 0, unitHeads: 0);
        AssertCounts(await OkAsync(await ImportAsync(Client, $"{ChineseHeader}\n{grid},8栋,1单元,102,沈三,女,2010-01-01,,子女,\n")),
            rows: 1, buildings: 0, units: 0, households: 0, residents: 1, present: 0, buildingHeads: 0, unitHeads: 0);
    }

    [Fact]
    public async Task A_row_with_a_control_character_is_a_400_naming_its_line_and_column_and_imports_nothing()
    {
        var grid = await Client.CreateGridAsync();
        var csv = string.Join("\n",
            ChineseHeader,
            $"{grid},1栋,1单元,101,钱一,男,1980-01-01,,户主,",
            $"{grid},1栋,1\0单元,102,钱二,男,1980-01-01,,户主,",
            $"{grid},1栋,1单元,103,钱\u0007三,女,1981-01-01,,户主,");

        var response = await ImportAsync(Client, csv);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["file", "line 3", "line 4"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["单元: must not contain control characters."], errors.GetProperty("line 3").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(["姓名: must not contain control characters."], errors.GetProperty("line 4").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(0, await CountAsync("buildings", grid));
        Assert.Equal(0, await CountAsync("residents", grid));
    }

    [Fact]
    public async Task A_quoted_field_spanning_two_lines_keeps_the_line_numbers_of_later_rows_right()
    {
        var grid = await Client.CreateGridAsync();
        var csv = $"{ChineseHeader}\n{grid},\"1栋\n(北)\",,101,郑一,男,,,户主,\n{grid},1栋,,102,郑二,不详,,,户主,\n";

        var response = await ImportAsync(Client, csv);

        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["file", "line 4"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_gbk_encoded_file_is_a_400_on_the_file_asking_for_utf8()
    {
        var grid = await Client.CreateGridAsync();
        var gbkZhangSan = new byte[] { 0xD5, 0xC5, 0xC8, 0xFD };
        var bytes = Encoding.UTF8.GetBytes($"{ChineseHeader}\n{grid},1栋,,101,")
            .Concat(gbkZhangSan)
            .Concat(Encoding.UTF8.GetBytes(",男,,,,\n"))
            .ToArray();

        var message = await (await ImportAsync(Client, bytes)).AssertInvalidAsync("file");

        Assert.Contains("UTF-8", message);
        Assert.Contains("line 2", message);
        Assert.Equal(0, await CountAsync("buildings", grid));
    }

    [Fact]
    public async Task A_file_without_a_required_column_is_a_400_on_the_header_naming_it()
    {
        var grid = await Client.CreateGridAsync();

        var message = await (await ImportAsync(Client, $"网格,楼栋,单元,姓名,性别\n{grid},1栋,1单元,冯一,男\n")).AssertInvalidAsync("header");

        Assert.Contains("房号", message);
        Assert.DoesNotContain("楼栋 (", message);
        await (await ImportAsync(Client, "")).AssertInvalidAsync("file");
        Assert.Equal(0, await CountAsync("buildings", grid));
    }

    [Fact]
    public async Task A_grid_worker_imports_into_their_grid_but_a_row_of_another_grid_rejects_the_file()
    {
        var mine = await Client.CreateGridAsync();
        var theirs = await Client.CreateGridAsync();
        var worker = fixture.App.CreateClientAs(CommunityRoles.GridWorker, mine);

        var response = await ImportAsync(worker, $"{ChineseHeader}\n{mine},1栋,,101,韩一,男,,,户主,\n{theirs},1栋,,101,韩二,女,,,户主,\n");

        Assert.Contains("outside your grids", await response.AssertInvalidAsync("line 3"));
        Assert.Equal(0, await CountAsync("residents", mine));
        AssertCounts(await OkAsync(await ImportAsync(worker, $"{ChineseHeader}\n{mine},1栋,,101,韩一,男,,,户主,\n")),
            rows: 1, buildings: 1, units: 0, households: 1, residents: 1, present: 0, buildingHeads: 0, unitHeads: 0);
        Assert.Equal(HttpStatusCode.Forbidden, (await ImportAsync(fixture.App.CreateClientAs(CommunityRoles.Resident, mine), $"{ChineseHeader}\n")).StatusCode);
    }

    [Fact]
    public async Task A_file_of_more_than_a_hundred_thousand_rows_is_a_400_on_the_file_and_imports_nothing()
    {
        var grid = await Client.CreateGridAsync();
        var csv = new StringBuilder(ChineseHeader).Append('\n');
        for (var i = 0; i <= 100_000; i++)
        {
            csv.Append(grid).Append(",1栋,,").Append(i).Append(",居民").Append(i).Append(",男,,,,\n");
        }

        using var client = fixture.App.CreateClientAs(CommunityRoles.Secretary);
        client.Timeout = TimeSpan.FromMinutes(5);
        Assert.Contains("100000", await (await ImportAsync(client, csv.ToString())).AssertInvalidAsync("file"));
        Assert.Equal(0, await CountAsync("buildings", grid));
    }

    [Fact]
    public async Task A_file_with_hundreds_of_bad_rows_lists_the_first_two_hundred_and_counts_them_all()
    {
        var grid = await Client.CreateGridAsync();
        var csv = new StringBuilder(ChineseHeader).Append('\n');
        for (var i = 0; i < 250; i++)
        {
            csv.Append(grid).Append(",1栋,,").Append(i).Append(",居民").Append(i).Append(",不详,,,,\n");
        }

        var response = await ImportAsync(Client, csv.ToString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        var lines = errors.EnumerateObject().Select(e => e.Name).Where(n => n.StartsWith("line ", StringComparison.Ordinal)).ToList();
        Assert.Equal(200, lines.Count);
        Assert.Contains("line 2", lines);
        Assert.Contains("line 201", lines);
        Assert.DoesNotContain("line 202", lines);
        var file = string.Join(" ", errors.GetProperty("file").EnumerateArray().Select(m => m.GetString()));
        Assert.Contains("250 row(s)", file);
        Assert.Contains("first 200", file);
        Assert.Equal(0, await CountAsync("residents", grid));
    }

    [Fact]
    public async Task Fifty_thousand_rows_import_in_one_call()
    {
        const int rows = 50_000;
        var grid = await Client.CreateGridAsync();
        var csv = new StringBuilder(rows * 64).Append(ChineseHeader).Append('\n');
        var firstBirth = new DateOnly(1940, 1, 1);
        for (var i = 0; i < rows; i++)
        {
            // Four residents a household: 50 buildings × 2 units × 125 rooms.
            var household = i / 4;
            var building = household % 50 + 1;
            var unit = household / 50 % 2 + 1;
            var room = household / 100 + 101;
            csv.Append(grid).Append(',').Append(building).Append("栋,").Append(unit).Append("单元,").Append(room).Append(',')
                .Append("居民").Append(i).Append(',').Append(i % 2 == 0 ? "男" : "女").Append(',')
                .Append(firstBirth.AddDays(i % 25_000).ToString("yyyy-MM-dd")).Append(",,").Append(i % 4 == 0 ? "户主" : "其他").Append(",\n");
        }

        using var client = fixture.App.CreateClientAs(CommunityRoles.Secretary);
        client.Timeout = TimeSpan.FromMinutes(5);
        var result = await OkAsync(await ImportAsync(client, csv.ToString()));

        AssertCounts(result, rows: rows, buildings: 50, units: 100, households: rows / 4, residents: rows, present: 0, buildingHeads: 0, unitHeads: 0);
        Assert.Equal(rows, await CountAsync("residents", grid));
        Assert.Equal(rows / 4, await CountAsync("households", grid));
        Assert.Equal(50, await CountAsync("buildings", grid));
        Assert.Equal(100, await UnitsOfGridAsync(grid));
        output.WriteLine($"Imported {rows} rows in {result.GetProperty("elapsedMilliseconds").GetInt64()} ms (server-side).");
    }
}
