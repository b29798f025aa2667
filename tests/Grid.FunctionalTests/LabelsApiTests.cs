using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.ServiceKit.Security;

namespace CommunityPlatform.Grid.FunctionalTests;

[Collection(GridApiCollection.Name)]
public sealed class LabelsApiTests(GridApiFixture fixture)
{
    [Fact]
    public async Task The_labels_of_the_codes_are_the_domains_in_its_order_for_any_role()
    {
        var labels = await fixture.App.CreateClientAs(CommunityRoles.Resident).GetFromJsonAsync<JsonElement>("/api/grid/labels");

        var categories = labels.GetProperty("matterCategory").EnumerateObject().Select(p => (p.Name, p.Value.GetString())).ToList();
        Assert.Equal(("Dispute", "矛盾纠纷"), categories[0]);
        Assert.Equal(("Other", "其他"), categories[^1]);
        Assert.Equal("待签收", labels.GetProperty("matterStatus").GetProperty("Reported").GetString());
        Assert.Equal("系统转入", labels.GetProperty("reporterKind").GetProperty("System").GetString());
    }
}
