using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CommunityPlatform.Grid.FunctionalTests;

/// <summary>A 400 names each broken rule twice: in English (<c>errors</c>) and as a stable code with its arguments (<c>codes</c>).</summary>
[Collection(GridApiCollection.Name)]
public sealed class ValidationProblemTests(GridApiFixture fixture)
{
    [Fact]
    public async Task A_domain_validation_problem_carries_a_code_for_each_message_in_the_same_order()
    {
        var response = await fixture.Client.PostAsJsonAsync("/api/grid/grids", new { code = "", name = new string('名', 101) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        var codes = problem.GetProperty("codes");
        Assert.Equal(errors.EnumerateObject().Select(e => (e.Name, e.Value.GetArrayLength())), codes.EnumerateObject().Select(c => (c.Name, c.Value.GetArrayLength())));
        Assert.Equal("required", codes.GetProperty("code")[0].GetProperty("code").GetString());
        var name = codes.GetProperty("name")[0];
        Assert.Equal("max_length", name.GetProperty("code").GetString());
        Assert.Equal(100, name.GetProperty("args").GetProperty("max").GetInt32());
    }

    [Fact]
    public async Task An_unreadable_body_is_coded_too()
    {
        var wrongType = await fixture.Client.PostAsync("/api/grid/grids", new StringContent("""{"code":"G-1","name":5}""", Encoding.UTF8, "application/json"));
        var notJson = await fixture.Client.PostAsync("/api/grid/grids", new StringContent("{", Encoding.UTF8, "application/json"));

        Assert.Equal("wrong_type", (await CodeAsync(wrongType, "name")));
        Assert.Equal("invalid_json", (await CodeAsync(notJson, "body")));
    }

    private static async Task<string?> CodeAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("codes").GetProperty(field)[0].GetProperty("code").GetString();
    }
}
