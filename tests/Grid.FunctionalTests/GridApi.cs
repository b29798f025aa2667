using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Grid.FunctionalTests;

/// <summary>Small helpers the grid API tests share: unique codes, registering places and matters, asserting problems.</summary>
internal static class GridApi
{
    /// <summary>Today on the community's calendar (UTC+8), as the service reckons it.</summary>
    public static DateOnly Today => CommunityTime.Today(TimeProvider.System);

    public static string UniqueCode(string prefix = "G") => $"{prefix}-{Guid.NewGuid().ToString("N")[..6]}";

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd");

    public static async Task<string> CreateGridAsync(this HttpClient client, string? code = null, string name = "测试网格")
    {
        var created = await client.PostOkAsync("/api/grid/grids", new { code = code ?? UniqueCode(), name });
        return created.GetProperty("code").GetString()!;
    }

    public static async Task<Guid> CreateBuildingAsync(this HttpClient client, string gridCode, string name = "3栋", string? address = null) =>
        (await client.PostOkAsync("/api/grid/buildings", new { gridCode, name, address })).GetProperty("id").GetGuid();

    public static async Task<Guid> CreateUnitAsync(this HttpClient client, Guid buildingId, string name = "1单元") =>
        (await client.PostOkAsync($"/api/grid/buildings/{buildingId}/units", new { name })).GetProperty("id").GetGuid();

    public static async Task<Guid> CreateHouseholdAsync(this HttpClient client, Guid buildingId, string room, Guid? unitId = null) =>
        (await client.PostOkAsync("/api/grid/households", new { buildingId, unitId, room })).GetProperty("id").GetGuid();

    public static async Task<Guid> RegisterResidentAsync(
        this HttpClient client, Guid householdId, string name = "张三", string gender = "男", string? birthDate = "1970-05-06", string? relation = "户主") =>
        (await client.PostOkAsync("/api/grid/residents", new { householdId, name, gender, birthDate, relation })).GetProperty("id").GetGuid();

    /// <summary>Reports a matter as a grid worker would, returning the created matter.</summary>
    public static Task<JsonElement> ReportMatterAsync(this HttpClient client, string gridCode, string category = "Dispute", string location = "3栋2单元楼道") =>
        client.PostOkAsync("/api/grid/matters", new
        {
            gridCode, category, location, description = "楼道堆放杂物，邻里发生争执", reporterKind = "GridWorker", reporterName = "王网格",
        });

    /// <summary>Reports a matter and signs for it.</summary>
    public static async Task<Guid> AcceptedMatterAsync(this HttpClient client, string gridCode, string category = "Dispute")
    {
        var id = (await client.ReportMatterAsync(gridCode, category)).GetProperty("id").GetGuid();
        await client.PostOkAsync($"/api/grid/matters/{id}/accept", new { }, HttpStatusCode.OK);
        return id;
    }

    /// <summary>The ids of a page's items (or of a plain list).</summary>
    public static List<Guid> Ids(this JsonElement list) =>
        (list.ValueKind == JsonValueKind.Object ? list.GetProperty("items") : list).EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
}
