using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.Benchmarks.Load;
using CommunityPlatform.Benchmarks.Suite;
using CommunityPlatform.ServiceDefaults;
using Npgsql;

namespace CommunityPlatform.Benchmarks.Scenarios;

/// <summary>
/// B5, the whole path a change travels: a member registered through the gateway (membership commits the member and
/// its outbox row), the relay publishes <c>MemberRegistered</c>, the volunteer service consumes it and commits the
/// member's volunteer profile. Latency runs from when the request was due to the volunteer profile's creation,
/// stamped inside the consumer's transaction. A rate is sustained when every event arrived, the consumer was no more
/// than two seconds behind when the load stopped and 99 % of the writes were answered within a second (not queued);
/// rates climb a ladder until one is not.
/// </summary>
public sealed class Pipeline : IScenario
{
    private static readonly TimeSpan AllowedLag = TimeSpan.FromSeconds(2);

    /// <summary>A write answered after a second waited in a queue: the rate is not being kept up with.</summary>
    private const double QueuedMilliseconds = 1_000;

    public string Id => "B5";

    public string What => "HTTP write via gateway → commit + outbox → broker → consumer in another service → commit";

    public async Task<IReadOnlyList<Measurement>> RunAsync(SuiteHost suite, Settings settings)
    {
        using var gateway = await suite.ClientAsync(suite.Gateway);
        using var created = await gateway.PostAsJsonAsync("/api/membership/organisations", new { code = "BENCH-DZB", name = "压测党支部", kind = "Branch" });
        await using var volunteers = NpgsqlDataSource.Create(await suite.ConnectionStringAsync(ResourceNames.VolunteerDb));

        // The first thousand registrations after start-up compile every code path on the way (queries, consumers,
        // the county's feed) and then recompile the hot ones optimised; that is start-up, not throughput, so it runs
        // and settles before anything is measured.
        await RunStepAsync(gateway, volunteers, 50, TimeSpan.FromSeconds(20));
        int[] ladder = settings.Quick ? [25, 50, 100, 200] : [25, 50, 100, 150, 200, 300, 400, 500, 600, 800, 1000, 1200];
        var sustained = 0;
        Step? last = null;
        foreach (var rate in ladder)
        {
            var step = await RunStepAsync(gateway, volunteers, rate, settings.Steady);
            Print(rate, step);
            if (!step.Sustained)
            {
                break;
            }

            sustained = rate;
            last = step;
        }

        if (last is null)
        {
            return [new(Id, "max sustained rate", 0, "events/s")];
        }

        var half = await RunStepAsync(gateway, volunteers, sustained / 2.0, settings.Steady);
        Print(sustained / 2.0, half);
        return
        [
            new(Id, "max sustained rate", sustained, "events/s"),
            new(Id, "suite cores at max sustained", last.Cpu.SuiteCores, "cores"),
            new(Id, "p50 at max sustained", last.Latencies.Milliseconds(50), "ms"),
            new(Id, "p99 at max sustained", last.Latencies.Milliseconds(99), "ms"),
            new(Id, "p50 at half of max", half.Latencies.Milliseconds(50), "ms"),
            new(Id, "p99 at half of max", half.Latencies.Milliseconds(99), "ms"),
            new(Id, "lost at half of max", half.Accepted - half.Arrived, "events"),
            .. last.Cpu.Processes(Id, "cores at max sustained"),
        ];
    }

    private static void Print(double rate, Step step) =>
        Console.WriteLine($"  B5 {rate,5}/s: accepted {step.Accepted}, arrived {step.Arrived}, failed {step.Failed}, lag at end {step.LagAtEnd.TotalMilliseconds:0} ms, p50 {step.Latencies.Milliseconds(50):0.0} ms, p99 {step.Latencies.Milliseconds(99):0.0} ms (HTTP p50 {step.Http.P50:0.0} ms, p99 {step.Http.P99:0.0} ms), suite {step.Cpu.SuiteCores:0.00} cores: {step.Cpu.Busiest()}");

    private static async Task<Step> RunStepAsync(HttpClient gateway, NpgsqlDataSource volunteers, double rate, TimeSpan duration)
    {
        // Each rate starts from a quiet suite: the county, which consumes the same events, may still be working
        // through the last rate's backlog after the volunteer service (what is measured) has caught up.
        await SuiteHost.SettleAsync(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        var due = new ConcurrentDictionary<Guid, DateTimeOffset>();
        var start = DateTimeOffset.UtcNow;
        var cpu = new CpuMeter();
        var load = await LoadDriver.OpenLoopAsync(rate, duration, async sequence =>
        {
            var dueAt = start + TimeSpan.FromSeconds(sequence / rate);
            using var response = await gateway.PostAsJsonAsync("/api/membership/members", new
            {
                name = $"压测党员{sequence}", gender = "男", birthDate = "1985-06-01", education = "本科", organisationCode = "BENCH-DZB", gridCode = "G01",
            });
            if (response.StatusCode != HttpStatusCode.Created)
            {
                return false;
            }

            due[(await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()] = dueAt;
            return true;
        });
        var loadEnded = DateTimeOffset.UtcNow;

        var arrivals = new Dictionary<Guid, DateTimeOffset>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (arrivals.Count < due.Count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            arrivals = await ArrivalsAsync(volunteers, [.. due.Keys]);
        }

        var use = cpu.Stop();
        var latencies = new Latencies();
        foreach (var (member, arrivedAt) in arrivals)
        {
            latencies.Record(arrivedAt - due[member]);
        }

        var lag = arrivals.Count == 0 ? TimeSpan.Zero : arrivals.Values.Max() - loadEnded;
        return new Step(due.Count, arrivals.Count, load.Failed, lag, latencies, use, load);
    }

    private static async Task<Dictionary<Guid, DateTimeOffset>> ArrivalsAsync(NpgsqlDataSource volunteers, Guid[] members)
    {
        await using var query = volunteers.CreateCommand("SELECT member_id, created_at FROM volunteers WHERE member_id = ANY(@members)");
        query.Parameters.AddWithValue("members", members);
        await using var reader = await query.ExecuteReaderAsync();
        var arrivals = new Dictionary<Guid, DateTimeOffset>();
        while (await reader.ReadAsync())
        {
            arrivals[reader.GetGuid(0)] = reader.GetFieldValue<DateTimeOffset>(1);
        }

        return arrivals;
    }

    private sealed record Step(int Accepted, int Arrived, long Failed, TimeSpan LagAtEnd, Latencies Latencies, CpuUse Cpu, LoadResult Http)
    {
        public bool Sustained => Failed == 0 && Arrived == Accepted && LagAtEnd <= AllowedLag && Http.P99 <= QueuedMilliseconds;
    }
}
