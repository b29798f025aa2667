using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using CommunityPlatform.DemoCommunity.Gateway;
using CommunityPlatform.DemoCommunity.Planning;

namespace CommunityPlatform.DemoCommunity.Phases;

/// <summary>
/// One run of the generator: the plan, the demo accounts as callers, and the ids of what exists, learned as the
/// phases find or make it. Each account does what its role does: the secretary runs the party organisation, the
/// office staff keep the ledgers, grid workers report and move matters in their grids, the inspector inspects and
/// re-inspects, the volunteer leader runs teams, activities and hours, a resident posts from her phone.
/// </summary>
internal sealed class Run(GatewayClient gateway, CommunityPlan plan, Action<string> log, CancellationToken cancellationToken)
{
    /// <summary>How long to wait for what reaches a service through the broker (a grid, a member's volunteer profile).</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private const int Parallelism = 4;

    public CommunityPlan Plan => plan;

    public DemoPeriod Period => plan.Period;

    public CancellationToken Cancellation => cancellationToken;

    public Caller Secretary { get; } = gateway.As("secretary");

    public Caller Staff { get; } = gateway.As("staff");

    public Caller Inspector { get; } = gateway.As("inspector");

    public Caller Leader { get; } = gateway.As("volunteerleader");

    public Caller Resident { get; } = gateway.As("resident");

    public Caller As(string userName) => gateway.As(userName);

    /// <summary>Party members by <see cref="PartyPerson.Key"/>.</summary>
    public ConcurrentDictionary<string, Guid> MemberIds { get; } = new(StringComparer.Ordinal);

    /// <summary>Partner units by name.</summary>
    public ConcurrentDictionary<string, Guid> PartnerIds { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether today's patrol and its observation exist.</summary>
    public bool LivePatrol { get; set; }

    public void Log(string message) => log(message);

    /// <summary>Runs a phase and reports what it did and how long it took.</summary>
    public async Task PhaseAsync(string name, Func<Task<string>> phase)
    {
        var watch = Stopwatch.StartNew();
        var done = await phase();
        log($"{name,-22} {done} ({watch.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s)");
    }

    /// <summary>Does <paramref name="work"/> for every item, a few at a time.</summary>
    public Task ForEachAsync<T>(IEnumerable<T> items, Func<T, Task> work) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (item, _) => await work(item));

    /// <summary>
    /// Posts a write that names a grid, repeating it while the service answers that the grid is unknown: grids reach
    /// the safety and volunteer services through the broker a moment after the grid service makes them.
    /// </summary>
    public async Task<JsonElement> PostNamingGridAsync(Caller caller, string path, object body)
    {
        var answer = await Eventually.ReturnsAsync(
            () => caller.TryPostAsync(path, body, cancellationToken, HttpStatusCode.BadRequest),
            a => a.Succeeded || !a.Body.TryGetProperty("errors", out var errors) || !errors.TryGetProperty("gridCode", out _),
            Patience, $"the grid of POST {path} to reach the service", cancellationToken);
        return answer.Succeeded
            ? answer.Body
            : throw new DemoGenerationException("POST", path, caller.UserName, answer.Status, answer.Body.GetRawText());
    }

    /// <summary>The party member behind a planned person, registered or admitted by the membership phase.</summary>
    public Guid MemberId(PartyPerson person) => MemberIds.TryGetValue(person.Key, out var id)
        ? id
        : throw new InvalidOperationException($"Member {person.Key} should exist by now.");

    /// <summary>The demo account who acts for a grid: its grid worker, or the office staff for a grid without one.</summary>
    public Caller WorkerOf(string gridCode) => As(plan.Grid.Grid(gridCode).Worker);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
