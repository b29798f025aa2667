using System.Diagnostics;
using System.Globalization;
using CommunityPlatform.ServiceKit.Security;
using Xunit.Abstractions;

namespace CommunityPlatform.FaultTests;

/// <summary>
/// One scenario's life: a stream of writes, a fault injected while it runs (by the test), the load stopped, the
/// client's retries of unanswered writes, the wait for the pipeline to drain, and the reconciliation of what the
/// client was told against what the consumer's database holds.
/// </summary>
public sealed class FaultScenario : IDisposable
{
    private static readonly TimeSpan DrainPatience = TimeSpan.FromSeconds(90);

    private readonly FaultSuiteFixture _suite;
    private readonly ITestOutputHelper _output;
    private readonly HttpClient _client;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _evidence = [];
    private Task _load = Task.CompletedTask;
    private Stopwatch? _sinceHealed;

    private FaultScenario(FaultSuiteFixture suite, ITestOutputHelper output, string name, Uri? target)
    {
        _suite = suite;
        _output = output;
        Name = name;
        // One caller for the whole scenario: idempotency keys belong to the caller (the token's subject).
        Token = TestTokens.For(CommunityRoles.Secretary);
        _client = FaultSuiteFixture.ClientFor(target ?? suite.Membership.Address, Token);
        Stream = new WriteStream(_client, "F" + Guid.NewGuid().ToString("N")[..6]);
    }

    /// <summary>
    /// Starts a scenario on a healthy, quiet system: anything an earlier scenario left down is brought back, and
    /// its events are given time to drain, so these figures are this scenario's own.
    /// </summary>
    public static async Task<FaultScenario> BeginAsync(FaultSuiteFixture suite, ITestOutputHelper output, string name, Uri? target = null)
    {
        foreach (var repair in await suite.EnsureRunningAsync())
        {
            output.WriteLine("before the scenario: " + repair);
        }

        await Eventually.ReturnsAsync(
            async () => await suite.UnsentOutboxAsync() + await suite.Infrastructure.QueueDepthAsync(FaultSuiteFixture.VolunteerQueue),
            n => n == 0, TimeSpan.FromSeconds(60), "the previous scenario's events to drain");
        return new FaultScenario(suite, output, name, target);
    }

    public string Name { get; }

    public string Token { get; }

    public WriteStream Stream { get; }

    public DateTimeOffset Started { get; } = DateTimeOffset.UtcNow;

    /// <summary>Four writers, each pausing between writes: a steady ~40–80 writes/s on this machine.</summary>
    public void StartLoad(int workers = 4, int pauseMs = 50)
    {
        _load = Stream.RunAsync(workers, TimeSpan.FromMilliseconds(pauseMs), _stop.Token);
        Log($"load started ({workers} writers)");
    }

    /// <summary>Waits until <paramref name="count"/> writes have been accepted in all, so the fault hits a stream in motion.</summary>
    public Task UntilAcceptedAsync(int count) =>
        Eventually.ReturnsAsync(() => Task.FromResult(Stream.Accepted), n => n >= count, TimeSpan.FromSeconds(90), $"{count} accepted writes");

    /// <summary>Records what the fault visibly did (shown with the figures), and logs it with the time into the scenario.</summary>
    public void Note(string evidence)
    {
        Log(evidence);
        _evidence.Add(evidence);
    }

    /// <summary>The fault is over (the server is back, the network healed): recovery is timed from here.</summary>
    public void Healed(string what)
    {
        _sinceHealed = Stopwatch.StartNew();
        Note(what);
    }

    /// <summary>Stops the load, retries every unanswered write with its key (through <paramref name="retryVia"/>), waits for the drain and reconciles.</summary>
    public async Task<Figures> FinishAsync(Uri? retryVia = null)
    {
        await _stop.CancelAsync();
        await _load;
        var drain = Stopwatch.StartNew();
        Log($"load stopped: {Stream.Writes.Count} writes, {Stream.Accepted} accepted at first");

        using var retryClient = FaultSuiteFixture.ClientFor(retryVia ?? _suite.Membership.Address, Token);
        await Stream.ResolveAsync(retryClient, TimeSpan.FromMinutes(2));

        var accepted = AcceptedMembers();
        while (true)
        {
            var profiles = await _suite.ProfilesAsync(accepted, Started);
            var unsent = await _suite.UnsentOutboxAsync();
            if ((accepted.All(profiles.ContainsKey) && unsent == 0) || drain.Elapsed > DrainPatience)
            {
                break;
            }

            await Task.Delay(100);
        }

        var drained = drain.Elapsed;
        var recovered = _sinceHealed?.Elapsed;
        // Late redeliveries would show up as duplicates after the drain, so look again a moment later.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var figures = await ReconcileAsync(drained, recovered);
        FaultReport.Record(figures, _output);
        return figures;
    }

    private void Log(string line) =>
        _output.WriteLine($"[{(DateTimeOffset.UtcNow - Started).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s] {line}");

    private HashSet<Guid> AcceptedMembers() => [.. Stream.Writes.Where(w => w.MemberId is not null).Select(w => w.MemberId!.Value)];

    private async Task<Figures> ReconcileAsync(TimeSpan drained, TimeSpan? recovered)
    {
        var writes = Stream.Writes;
        var accepted = AcceptedMembers();
        var profiles = await _suite.ProfilesAsync(accepted, Started);
        var members = await _suite.MembersNamedAsync(Stream.NamePrefix);
        var deadLetters = await _suite.DeadLettersAsync();
        foreach (var (queue, depth) in deadLetters)
        {
            _output.WriteLine($"unexplained: {depth} message(s) in {queue}");
        }

        return new Figures(
            Name,
            Writes: writes.Count,
            Accepted: writes.Count(w => w.MemberId is not null),
            Retried: writes.Count(w => w.Retried),
            Replayed: writes.Count(w => w.Replayed),
            Applied: accepted.Count(profiles.ContainsKey),
            Lost: accepted.Count(id => !profiles.ContainsKey(id)),
            // A second effect of one write anywhere: a second profile for a member, a second member for a key, or a
            // retry answered with another member than the first answer.
            Duplicated: accepted.Sum(id => Math.Max(0, profiles.GetValueOrDefault(id) - 1))
                + (int)Math.Max(0, members - accepted.Count)
                + writes.Count(w => w.Conflicting is not null),
            // A profile created during the scenario that no accepted write explains.
            Unexpected: profiles.Where(p => !accepted.Contains(p.Key)).Sum(p => p.Value),
            OutboxLeft: await _suite.UnsentOutboxAsync(),
            DeadLetters: (int)deadLetters.Values.Sum(d => d),
            Drain: drained,
            Recovery: recovered,
            Evidence: string.Join("; ", _evidence));
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
        _client.Dispose();
    }
}

/// <summary>One scenario's reconciliation.</summary>
public sealed record Figures(
    string Scenario, int Writes, int Accepted, int Retried, int Replayed, int Applied, int Lost, int Duplicated, int Unexpected,
    long OutboxLeft, int DeadLetters, TimeSpan Drain, TimeSpan? Recovery, string Evidence)
{
    /// <summary>What every scenario must end with: every write accepted (after the client's retries) and applied exactly once, nothing left over.</summary>
    public void AssertClean()
    {
        Assert.True(Writes > 0, "the scenario made no writes");
        Assert.True(Accepted == Writes, $"{Writes - Accepted} write(s) were never accepted, even on retry: {this}");
        Assert.True(Lost == 0, $"lost writes: {this}");
        Assert.True(Duplicated == 0, $"duplicated writes: {this}");
        Assert.True(Unexpected == 0, $"unexpected effects: {this}");
        Assert.True(OutboxLeft == 0, $"outbox rows left: {this}");
        Assert.True(DeadLetters == 0, $"unexplained dead letters: {this}");
    }
}

/// <summary>Prints each scenario's figures and collects them, as a Markdown table, in <c>fault-figures.md</c> next to the test assembly.</summary>
public static class FaultReport
{
    private static readonly Lock Gate = new();
    private static bool _started;

    public static string FilePath { get; } = Path.Combine(AppContext.BaseDirectory, "fault-figures.md");

    public static void Record(Figures f, ITestOutputHelper output)
    {
        var row = string.Create(CultureInfo.InvariantCulture,
            $"| {f.Scenario} | {f.Writes} | {f.Accepted} | {f.Retried} | {f.Replayed} | {f.Applied} | {f.Lost} | {f.Duplicated} | {f.Unexpected} | {f.OutboxLeft} | {f.DeadLetters} | {f.Drain.TotalSeconds:0.0} s | {(f.Recovery is { } r ? $"{r.TotalSeconds:0.0} s" : "–")} | {f.Evidence} |");
        output.WriteLine(row);
        lock (Gate)
        {
            if (!_started)
            {
                File.WriteAllText(FilePath, string.Create(CultureInfo.InvariantCulture, $"""
                    Fault suite run of {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores

                    | scenario | writes | accepted | retried | replayed | applied | lost | duplicated | unexpected | outbox left | dead letters | drain | recovery | what the fault did |
                    |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|

                    """));
                _started = true;
            }

            File.AppendAllText(FilePath, row + Environment.NewLine);
        }
    }
}
