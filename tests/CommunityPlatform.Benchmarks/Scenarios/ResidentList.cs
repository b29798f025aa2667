using System.Net;
using System.Net.Http.Json;
using System.Text;
using CommunityPlatform.Benchmarks.Load;
using CommunityPlatform.Benchmarks.Suite;

namespace CommunityPlatform.Benchmarks.Scenarios;

/// <summary>
/// B7: a grid worker's everyday read — one page of the residents of one grid, in a community of 8,000 residents in
/// 2,300 households across 8 grids (loaded through the CSV import; loading it again adds nothing) — at 200
/// requests a second through the gateway.
/// </summary>
public sealed class ResidentList : IScenario
{
    private const int Households = 2_300;
    private const int Residents = 8_000;
    private const int Grids = 8;
    private const double Rate = 200;

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭"];
    private static readonly string[] GivenNames = ["建国", "秀英", "志强", "丽华", "海燕", "春梅", "国庆", "桂兰", "伟", "静", "磊", "芳", "军", "敏", "洋", "婷"];

    public string Id => "B7";

    public string What => "read: a paged list of one grid's residents in a community of 8,000, through the gateway";

    public async Task<IReadOnlyList<Measurement>> RunAsync(SuiteHost suite, Settings settings)
    {
        using var gateway = await suite.ClientAsync(suite.Gateway);
        for (var g = 1; g <= Grids; g++)
        {
            using var created = await gateway.PostAsJsonAsync("/api/grid/grids", new { code = Grid(g), name = $"压测第{g}网格" });
        }

        using (var import = await gateway.PostAsync("/api/grid/imports/residents", new StringContent(Community(), Encoding.UTF8, "text/csv")))
        {
            import.EnsureSuccessStatusCode();
        }

        await LoadDriver.SaturateAsync(8, TimeSpan.FromSeconds(10), i => ListAsync(gateway, i));
        await SuiteHost.SettleAsync(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1));
        var cpu = new CpuMeter();
        var steady = await LoadDriver.OpenLoopAsync(Rate, settings.Steady, i => ListAsync(gateway, i));
        var use = cpu.Stop();
        return
        [
            new(Id, "rate", steady.AchievedRate, "req/s"),
            new(Id, "p50", steady.P50, "ms"),
            new(Id, "p99", steady.P99, "ms"),
            new(Id, "max", steady.Max, "ms"),
            new(Id, "suite cores", use.SuiteCores, "cores"),
            new(Id, "failed requests", steady.Failed, "count"),
            .. use.Processes(Id, "cores"),
        ];
    }

    private static async Task<bool> ListAsync(HttpClient gateway, long sequence)
    {
        using var response = await gateway.GetAsync($"/api/grid/residents?gridCode={Grid((int)(sequence % Grids) + 1)}&limit=20");
        return response.StatusCode == HttpStatusCode.OK;
    }

    private static string Grid(int number) => $"BR{number}";

    /// <summary>Households of three or four (the first 1,100 have a fourth member); 20 households to a building, each building in one grid.</summary>
    private static string Community()
    {
        var csv = new StringBuilder("网格,楼栋,单元,房号,姓名,性别,出生日期,联系电话,与户主关系,职务\n");
        var person = 0;
        for (var h = 0; h < Households; h++)
        {
            var building = h / 20;
            var size = h < Residents - (3 * Households) ? 4 : 3;
            for (var m = 0; m < size; m++, person++)
            {
                var birth = new DateOnly(1940, 1, 1).AddDays(person * 37 % 29_000);
                csv.Append(Grid(building % Grids + 1)).Append(',')
                    .Append("幸福里").Append(building + 1).Append("栋,")
                    .Append(h % 20 / 10 + 1).Append("单元,")
                    .Append(101 + h % 10).Append(',')
                    .Append(Surnames[person % Surnames.Length]).Append(GivenNames[person / Surnames.Length % GivenNames.Length]).Append(person).Append(',')
                    .Append(person % 2 == 0 ? "男" : "女").Append(',')
                    .Append(birth.ToString("yyyy-MM-dd")).Append(",,")
                    .Append(m == 0 ? "户主" : m == 1 ? "配偶" : "子女").Append(",\n");
            }
        }

        return csv.ToString();
    }
}
