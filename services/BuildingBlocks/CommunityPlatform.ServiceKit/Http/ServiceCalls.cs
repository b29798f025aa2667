using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Polly;

namespace CommunityPlatform.ServiceKit.Http;

/// <summary>
/// Calls from one service of the suite to another on behalf of the caller: the caller's own access token is passed
/// on, so the service asked stays the judge of what the caller may see, and its answer — or its silence — comes
/// back as a <see cref="ServiceAnswer{T}"/> for the asking service to turn into its own.
/// </summary>
public static class ServiceCalls
{
    /// <summary>
    /// <typeparamref name="TClient"/> as a typed client named <paramref name="name"/> (a test gives that name a
    /// stand-in service), with service discovery and the standard resilience handler from the suite's client
    /// defaults and at most <paramref name="timeout"/> per call.
    /// </summary>
    public static IHttpClientBuilder AddServiceClient<TClient>(this IServiceCollection services, string name, TimeSpan timeout)
        where TClient : class =>
        services.AddHttpClient<TClient>(name, client => client.Timeout = timeout);

    /// <summary>
    /// GETs <paramref name="uri"/> with the caller's <paramref name="authorization"/> header. 2xx → answered, 404 →
    /// not found, 401/403 → forbidden, 408/429/5xx and no answer at all (refused connection, timeout, an open
    /// circuit) → unavailable, any other 4xx → refused; a refusal carries the problem document's words.
    /// </summary>
    public static async Task<ServiceAnswer<T>> GetAsCallerAsync<T>(
        this HttpClient http, string uri, string? authorization, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (authorization is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or ExecutionRejectedException && !cancellationToken.IsCancellationRequested)
        {
            return new(ServiceAnswerKind.Unavailable);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            return status switch
            {
                >= 200 and < 300 => new(ServiceAnswerKind.Answered, await response.Content.ReadFromJsonAsync<T>(cancellationToken)),
                StatusCodes.Status404NotFound => new(ServiceAnswerKind.NotFound, Status: status),
                StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden =>
                    new(ServiceAnswerKind.Forbidden, Status: status, Reason: await ReasonAsync(response, cancellationToken)),
                // Asking again shortly may well succeed: these are the other service's trouble, not the caller's.
                StatusCodes.Status408RequestTimeout or StatusCodes.Status429TooManyRequests => new(ServiceAnswerKind.Unavailable, Status: status),
                >= 400 and < 500 => new(ServiceAnswerKind.Refused, Status: status, Reason: await ReasonAsync(response, cancellationToken)),
                _ => new(ServiceAnswerKind.Unavailable, Status: status),
            };
        }
    }

    /// <summary>The title, detail and field errors of the answer's problem document, or the status's reason phrase.</summary>
    private static async Task<string> ReasonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            try
            {
                var problem = await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(cancellationToken);
                var parts = new[] { problem?.Title, problem?.Detail }
                    .Concat(problem?.Errors.SelectMany(e => e.Value.Select(rule => $"{e.Key} {rule}")) ?? [])
                    .Where(part => !string.IsNullOrWhiteSpace(part));
                if (string.Join(" ", parts) is { Length: > 0 } reason)
                {
                    return reason;
                }
            }
            catch (JsonException)
            {
                // Not the problem document it claims to be: the status line still says what happened.
            }
        }

        return response.ReasonPhrase ?? $"HTTP {(int)response.StatusCode}";
    }
}
