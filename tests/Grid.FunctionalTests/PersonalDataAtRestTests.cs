using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.Grid.Infrastructure;
using CommunityPlatform.ServiceKit.Persistence;
using CommunityPlatform.ServiceKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPlatform.Grid.FunctionalTests;

/// <summary>Sensitive personal data is sealed at rest, the key ring that seals it is itself encrypted, and the office's work still runs on it.</summary>
[Collection(GridApiCollection.Name)]
public sealed class PersonalDataAtRestTests(GridApiFixture fixture)
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task A_phone_written_in_the_clear_before_sealing_is_sealed_at_start_up_and_still_reads_as_it_was()
    {
        var grid = await Client.CreateGridAsync();
        var id = (await Client.PostOkAsync("/api/grid/businesses", new { gridCode = grid, name = "老街茶馆", category = "餐饮", address = "老街2号", @operator = "钱老板", phone = "13911112222" }))
            .GetProperty("id").GetGuid();
        await fixture.ScalarAsync<long>($"WITH legacy AS (UPDATE businesses SET phone = '13911112222' WHERE id = '{id}' RETURNING 1) SELECT count(*) FROM legacy");

        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GridDbContext>();
            Assert.Equal("13911112222", (await db.Businesses.AsNoTracking().SingleAsync(b => b.Id == id)).Phone);
            await db.SealLegacyValuesAsync(CancellationToken.None);
            await db.SealLegacyValuesAsync(CancellationToken.None);
        }

        var stored = await fixture.ScalarAsync<string>($"SELECT phone FROM businesses WHERE id = '{id}'");
        AtRest.AssertSealed(stored, "13911112222");
        await using var reading = fixture.App.Services.CreateAsyncScope();
        Assert.Equal("13911112222", (await reading.ServiceProvider.GetRequiredService<GridDbContext>().Businesses.AsNoTracking().SingleAsync(b => b.Id == id)).Phone);
    }

    [Fact]
    public async Task The_sealed_care_category_is_still_counted_in_the_statistics_and_filtered_in_the_list()
    {
        var grid = await Client.CreateGridAsync();
        var worker = fixture.App.CreateClientAs(CommunityRoles.GridWorker, grid);
        async Task<Guid> RegisterAsync(string category) => (await worker.PostOkAsync("/api/grid/care-list", new
        {
            gridCode = grid, category, risk = "低", responsibleWorkerId = "worker-7", visitIntervalDays = 30,
            details = new { name = "某某", phone = "13900001234", address = "幸福里", circumstances = "—" },
        })).GetProperty("id").GetGuid();
        var before = await CareCountAsync("ReleasedPrisoner");

        var released = await RegisterAsync("刑满释放人员");
        await RegisterAsync("社区矫正对象");

        Assert.Equal(before + 1, await CareCountAsync("ReleasedPrisoner"));
        var listed = await worker.GetFromJsonAsync<JsonElement>($"/api/grid/care-list?reason=核对&gridCode={grid}&category=ReleasedPrisoner");
        Assert.Equal([released], listed.EnumerateArray().Select(p => p.GetProperty("record").GetProperty("id").GetGuid()));
        AtRest.AssertSealed(await fixture.ScalarAsync<string>($"SELECT category FROM care_people WHERE id = '{released}'"), "ReleasedPrisoner");
    }

    [Fact]
    public void The_key_ring_on_disk_holds_its_keys_encrypted_with_the_certificate()
    {
        var directory = fixture.App.Services.GetRequiredService<IConfiguration>()["DataProtection:KeyDirectory"];
        var keys = Directory.GetFiles(directory!, "key-*.xml");

        Assert.NotEmpty(keys);
        Assert.All(keys.Select(File.ReadAllText), xml =>
        {
            Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
    }

    private async Task<int> CareCountAsync(string category) =>
        (await Client.GetFromJsonAsync<JsonElement>($"/api/grid/statistics?from={GridApi.Iso(GridApi.Today)}&to={GridApi.Iso(GridApi.Today)}"))
            .GetProperty("careList").GetProperty("byCategory").GetProperty(category).GetInt32();
}
