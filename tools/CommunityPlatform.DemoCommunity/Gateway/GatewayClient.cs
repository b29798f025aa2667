using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CommunityPlatform.DemoCommunity.Gateway;

/// <summary>
/// The suite's public API as the generator sees it: the gateway, called as one of the demo accounts with a token from
/// the password grant. It waits out the gateway's rate limit (429 with Retry-After) and a suite still starting, and
/// turns any other unexpected answer into a <see cref="DemoGenerationException"/> naming the request.
/// </summary>
public sealed class GatewayClient(HttpClient http)
{
    /// <summary>The password of every demo account (README, "Sign in and get a token").</summary>
    public const string DemoPassword = "Community@2026";

    /// <summary>How long before a token's own expiry the generator fetches a new one (access tokens live minutes).</summary>
    private static readonly TimeSpan RenewBefore = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StartupPatience = TimeSpan.FromMinutes(3);
    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Expires)> _tokens = new();

    internal static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Waits until the gateway's <c>/health</c> — which includes every service's own — answers healthy: a suite that
    /// has just been started accepts connections some time before its services have applied their migrations.
    /// </summary>
    public async Task WaitUntilHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attempt.CancelAfter(TimeSpan.FromSeconds(10));
            try
            {
                using var response = await http.GetAsync("/health", attempt.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception failure) when (failure is HttpRequestException || (failure is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"The suite at {http.BaseAddress} did not report healthy within {timeout.TotalMinutes:0} minutes.");
            }

            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }
    }

    /// <summary>A caller signed in as <paramref name="userName"/>.</summary>
    public Caller As(string userName) => new(this, userName);

    internal async Task<Answer> SendAsync(
        string userName, HttpMethod method, string path, object? body, IReadOnlyCollection<HttpStatusCode> accepted, CancellationToken cancellationToken,
        string contentType = "application/json")
    {
        var deadline = DateTimeOffset.UtcNow + StartupPatience;
        while (true)
        {
            using var request = new HttpRequestMessage(method, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(userName, cancellationToken));
            request.Content = body switch
            {
                null => null,
                string text => new StringContent(text, System.Text.Encoding.UTF8, contentType),
                _ => JsonContent.Create(body, options: Json),
            };

            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException) when (DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
                continue;
            }

            using (response)
            {
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(5), cancellationToken);
                    continue;
                }

                if (response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable && DateTimeOffset.UtcNow < deadline)
                {
                    await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
                    continue;
                }

                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                if (!response.IsSuccessStatusCode && !accepted.Contains(response.StatusCode))
                {
                    throw new DemoGenerationException(method.Method, path, userName, response.StatusCode, text);
                }

                return new Answer(response.StatusCode, text.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(text, Json));
            }
        }
    }

    private async Task<string> TokenAsync(string userName, CancellationToken cancellationToken)
    {
        if (_tokens.TryGetValue(userName, out var cached) && cached.Expires > DateTimeOffset.UtcNow)
        {
            return cached.Token;
        }

        var deadline = DateTimeOffset.UtcNow + StartupPatience;
        while (true)
        {
            try
            {
                using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "password",
                    ["client_id"] = "community-cli",
                    ["username"] = userName,
                    ["password"] = DemoPassword,
                    ["scope"] = "community-api roles",
                }), cancellationToken);
                if (response.StatusCode is HttpStatusCode.TooManyRequests)
                {
                    await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(5), cancellationToken);
                    continue;
                }

                if (response.IsSuccessStatusCode)
                {
                    var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken);
                    var token = body.GetProperty("access_token").GetString()!;
                    _tokens[userName] = (token, DateTimeOffset.UtcNow + TimeSpan.FromSeconds(body.GetProperty("expires_in").GetInt32()) - RenewBefore);
                    return token;
                }

                if (DateTimeOffset.UtcNow >= deadline || response.StatusCode is HttpStatusCode.BadRequest)
                {
                    throw new DemoGenerationException("POST", "/connect/token", userName, response.StatusCode,
                        "the demo account could not sign in (the password grant and demo accounts exist only in Development).");
                }
            }
            catch (HttpRequestException) when (DateTimeOffset.UtcNow < deadline)
            {
            }

            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }
    }
}

/// <summary>One demo account's calls.</summary>
public sealed class Caller(GatewayClient gateway, string userName)
{
    private static readonly HttpStatusCode[] None = [];

    public string UserName => userName;

    public async Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken) =>
        (await gateway.SendAsync(userName, HttpMethod.Get, path, null, None, cancellationToken)).Body;

    public async Task<JsonElement> PostAsync(string path, object body, CancellationToken cancellationToken) =>
        (await gateway.SendAsync(userName, HttpMethod.Post, path, body, None, cancellationToken)).Body;

    public async Task<JsonElement> PutAsync(string path, object body, CancellationToken cancellationToken) =>
        (await gateway.SendAsync(userName, HttpMethod.Put, path, body, None, cancellationToken)).Body;

    public async Task<JsonElement> PostCsvAsync(string path, string csv, CancellationToken cancellationToken) =>
        (await gateway.SendAsync(userName, HttpMethod.Post, path, csv, None, cancellationToken, "text/csv")).Body;

    /// <summary>A write that may be refused with one of <paramref name="accepted"/> (e.g. a grid not yet announced to the service).</summary>
    public Task<Answer> TryPostAsync(string path, object body, CancellationToken cancellationToken, params HttpStatusCode[] accepted) =>
        gateway.SendAsync(userName, HttpMethod.Post, path, body, accepted, cancellationToken);

    /// <summary>Every item of a list: a plain array, or every page of a cursor-paged one.</summary>
    public async Task<List<JsonElement>> GetAllAsync(string path, CancellationToken cancellationToken)
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        do
        {
            var page = await GetAsync($"{path}{separator}limit=200{(cursor is null ? "" : "&cursor=" + cursor)}", cancellationToken);
            if (page.ValueKind == JsonValueKind.Array)
            {
                return [.. page.EnumerateArray()];
            }

            items.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        return items;
    }
}

/// <summary>An answer: its status and its JSON body (a problem document when it was a refusal).</summary>
public readonly record struct Answer(HttpStatusCode Status, JsonElement Body)
{
    public bool Succeeded => (int)Status is >= 200 and < 300;
}

/// <summary>The suite answered a request in a way the generator cannot go on from.</summary>
public sealed class DemoGenerationException(string method, string path, string userName, HttpStatusCode status, string body)
    : Exception($"{method} {path} as {userName} answered {(int)status} {status}: {(body.Length > 600 ? body[..600] + "…" : body)}");
