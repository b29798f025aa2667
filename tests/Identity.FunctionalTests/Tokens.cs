using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CommunityPlatform.Identity.FunctionalTests;

internal static class Tokens
{
    public const string DemoPassword = "Community@2026";

    public static Task<HttpResponseMessage> RequestAsync(HttpClient client, params (string Key, string Value)[] form) =>
        client.PostAsync("/connect/token", new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Key, f.Value))));

    public static Task<HttpResponseMessage> PasswordAsync(HttpClient client, string userName, string password, string scope = "community-api roles profile") =>
        RequestAsync(client, ("grant_type", "password"), ("client_id", "community-cli"), ("username", userName), ("password", password), ("scope", scope));

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>The claims of a JWT, read without validating it (the services validate; here we look inside).</summary>
    public static JsonElement Claims(string jwt)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        return JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload))).RootElement;
    }

    public static IEnumerable<string> Values(JsonElement claims, string type) =>
        !claims.TryGetProperty(type, out var value) ? []
        : value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(v => v.GetString()!)
        : [value.GetString()!];
}
