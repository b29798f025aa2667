using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.ServiceKit.Web;

namespace CommunityPlatform.FaultTests;

/// <summary>
/// A client registering members as fast as a few workers go, each write under its own client-side id sent as the
/// <c>Idempotency-Key</c>. It remembers what each write got: a 2xx with the member's id (accepted), or an error
/// or no answer at all, whose outcome the client cannot know until it retries with the same key.
/// </summary>
public sealed class WriteStream(HttpClient client, string tag)
{
    private const string Path = "/api/membership/members";

    private readonly ConcurrentDictionary<string, Write> _writes = new();
    private int _next;

    /// <summary>Every member this stream registers has a name starting with this.</summary>
    public string NamePrefix { get; } = "演练" + tag + "-";

    public IReadOnlyCollection<Write> Writes => [.. _writes.Values];

    public int Accepted => _writes.Values.Count(w => w.MemberId is not null);

    /// <summary>Runs <paramref name="workers"/> writers until <paramref name="stop"/>; a write in flight then is finished, not abandoned.</summary>
    public Task RunAsync(int workers, TimeSpan pause, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var index = Interlocked.Increment(ref _next);
                var write = new Write(tag + "-" + index.ToString("D5", CultureInfo.InvariantCulture), index);
                _writes[write.Key] = write;
                await SendAsync(client, write);
                // A client backs off after a failure instead of hammering a service that is down.
                await Task.Delay(write.MemberId is null ? pause * 5 : pause, CancellationToken.None);
            }
        }, CancellationToken.None)));

    /// <summary>
    /// What a well-behaved client does after an outage: sends each write that got no 2xx again, with the same key,
    /// until it is accepted. A write that had committed comes back replayed, with the first answer.
    /// </summary>
    public async Task ResolveAsync(HttpClient retryClient, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var pending = new ConcurrentQueue<Write>(_writes.Values.Where(w => w.MemberId is null).OrderBy(w => w.Index));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (pending.TryDequeue(out var write))
            {
                write.Retried = true;
                while (write.MemberId is null && DateTime.UtcNow < deadline)
                {
                    await SendAsync(retryClient, write);
                    if (write.MemberId is null)
                    {
                        await Task.Delay(500);
                    }
                }
            }
        })));
    }

    /// <summary>Sends <paramref name="write"/> once more with its key, as a client retrying would.</summary>
    public static async Task SendAsync(HttpClient via, Write write)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = JsonContent.Create(Body(write)) };
        request.Headers.Add(Idempotency.Header, write.Key);
        try
        {
            using var response = await via.SendAsync(request);
            write.LastStatus = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                var member = await response.Content.ReadFromJsonAsync<JsonElement>();
                var id = member.GetProperty("id").GetGuid();
                if (write.MemberId is { } earlier && earlier != id)
                {
                    write.Conflicting = id;
                }

                write.MemberId ??= id;
                write.Replayed |= response.Headers.Contains(Idempotency.ReplayedHeader);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            // No answer (a reset, a dead process, a timeout): the write may or may not have committed.
            write.LastStatus = 0;
        }
    }

    /// <summary>The same body for every attempt of a write, so a retry is the same request.</summary>
    private static object Body(Write write) => new
    {
        name = "演练" + write.Key,
        gender = write.Index % 2 == 0 ? "男" : "女",
        birthDate = new DateOnly(1960, 1, 1).AddDays(write.Index % 12000),
        education = "本科",
        organisationCode = FaultSuiteFixture.Branch,
        gridCode = "G" + (write.Index % 9 + 1).ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>One client-side write and what the client learned about it.</summary>
public sealed class Write(string key, int index)
{
    public string Key { get; } = key;

    public int Index { get; } = index;

    public Guid? MemberId { get; set; }

    /// <summary>A later answer with a different member id than the first: the key did not hold.</summary>
    public Guid? Conflicting { get; set; }

    public int LastStatus { get; set; }

    /// <summary>The first attempt got no 2xx and the client sent it again.</summary>
    public bool Retried { get; set; }

    /// <summary>A retry got the stored answer back: the write had committed though its first answer was lost.</summary>
    public bool Replayed { get; set; }
}
