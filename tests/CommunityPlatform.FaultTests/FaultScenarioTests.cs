using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using Xunit.Abstractions;

namespace CommunityPlatform.FaultTests;

/// <summary>
/// Real faults on this machine against the real membership → volunteer flow (MemberRegistered creates one
/// volunteer profile): each scenario drives writes with client-side ids, injects its fault, stops the load, waits
/// for the drain and reconciles. Every 2xx write must be applied exactly once, nothing else may appear, the
/// outbox must be empty and no message may sit unexplained in an error queue.
/// </summary>
[Collection(FaultSuiteCollection.Name)]
public sealed class FaultScenarioTests(FaultSuiteFixture suite, ITestOutputHelper output)
{
    private static readonly TimeSpan CrashPatience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Broker_killed_with_SIGKILL_and_restarted()
    {
        using var scenario = await FaultScenario.BeginAsync(suite, output, "broker SIGKILL + restart");
        scenario.StartLoad();
        await scenario.UntilAcceptedAsync(30);

        suite.Infrastructure.Broker.Kill();
        scenario.Note("beam.smp killed with SIGKILL");
        await Task.Delay(TimeSpan.FromSeconds(3));
        scenario.Note($"{await suite.UnsentOutboxAsync()} events waiting in the outbox while the broker was dead");
        await suite.Infrastructure.StartBrokerAsync();
        scenario.Healed("broker restarted");
        await Task.Delay(TimeSpan.FromSeconds(3));

        (await scenario.FinishAsync()).AssertClean();
    }

    [Fact]
    public async Task Broker_frozen_with_SIGSTOP_for_30_seconds()
    {
        using var scenario = await FaultScenario.BeginAsync(suite, output, "broker SIGSTOP 30 s + SIGCONT");
        scenario.StartLoad();
        await scenario.UntilAcceptedAsync(30);

        suite.Infrastructure.Broker.Freeze();
        try
        {
            scenario.Note("beam.smp stopped with SIGSTOP");
            await Task.Delay(TimeSpan.FromSeconds(29));
            scenario.Note($"{await suite.UnsentOutboxAsync()} events waiting in the outbox after 29 s frozen");
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        finally
        {
            suite.Infrastructure.Broker.Thaw();
        }

        scenario.Healed("SIGCONT");
        await Task.Delay(TimeSpan.FromSeconds(3));

        (await scenario.FinishAsync()).AssertClean();
    }

    [Fact]
    public async Task Producer_killed_after_its_commit_before_publishing()
    {
        using var scenario = await FaultScenario.BeginAsync(suite, output, "producer killed after commit, before publish");
        suite.Membership.Kill();
        await suite.Membership.StartAndWaitAsync(new Dictionary<string, string> { ["Messaging:FailPoints:CrashAfterCommitBeforePublish"] = "20" });
        scenario.StartLoad();

        Assert.True(await suite.Membership.WaitForExitAsync(CrashPatience), "the fail point never crashed membership");
        var unsent = await suite.UnsentOutboxAsync();
        scenario.Note($"membership crashed at the fail point (exit {suite.Membership.ExitCode}) with {unsent} committed events unpublished");
        Assert.Contains("CrashAfterCommitBeforePublish reached", suite.Membership.Output(), StringComparison.Ordinal);
        Assert.True(unsent > 0, "the crash should have left committed, unpublished events");

        await suite.Membership.StartAndWaitAsync();
        scenario.Healed("membership restarted without the fail point");
        await Task.Delay(TimeSpan.FromSeconds(2));

        (await scenario.FinishAsync()).AssertClean();
    }

    [Fact]
    public async Task Consumer_killed_after_its_commit_before_its_ack()
    {
        using var scenario = await FaultScenario.BeginAsync(suite, output, "consumer killed after commit, before ack");
        suite.Volunteer.Kill();
        await suite.Volunteer.StartAndWaitAsync(new Dictionary<string, string> { ["Messaging:FailPoints:CrashAfterConsumeCommitBeforeAck"] = "20" });
        scenario.StartLoad();

        Assert.True(await suite.Volunteer.WaitForExitAsync(CrashPatience), "the fail point never crashed volunteer");
        Assert.Contains("CrashAfterConsumeCommitBeforeAck reached", suite.Volunteer.Output(), StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromSeconds(2));
        scenario.Note($"volunteer crashed at the fail point (exit {suite.Volunteer.ExitCode}); {await suite.Infrastructure.QueueDepthAsync(FaultSuiteFixture.VolunteerQueue)} messages waiting, the last applied one unacknowledged");

        await suite.Volunteer.StartAndWaitAsync();
        scenario.Healed("volunteer restarted without the fail point");
        await Task.Delay(TimeSpan.FromSeconds(2));

        (await scenario.FinishAsync()).AssertClean();
    }

    [Fact]
    public async Task Producer_database_stopped_immediately_and_restarted()
    {
        using var scenario = await FaultScenario.BeginAsync(suite, output, "producer PostgreSQL stop -m immediate");
        scenario.StartLoad();
        await scenario.UntilAcceptedAsync(30);

        suite.ProducerPostgres.StopImmediately();
        var before = scenario.Stream.Accepted;
        scenario.Note("membership's PostgreSQL stopped with pg_ctl stop -m immediate");
        await Task.Delay(TimeSpan.FromSeconds(3));
        scenario.Note($"{scenario.Stream.Accepted - before} writes answered while it was down (the writers wait in the service's retries)");
        await suite.ProducerPostgres.StartAsync();
        scenario.Healed("restarted (crash recovery)");
        await Task.Delay(TimeSpan.FromSeconds(3));

        (await scenario.FinishAsync()).AssertClean();
    }

    [Fact]
    public async Task Consumer_database_stopped_immediately_and_restarted()
    {
        using var scenario = await FaultScenario.BeginAsync(suite, output, "consumer PostgreSQL stop -m immediate");
        scenario.StartLoad();
        await scenario.UntilAcceptedAsync(30);

        suite.ConsumerPostgres.StopImmediately();
        scenario.Note("volunteer's PostgreSQL stopped with pg_ctl stop -m immediate");
        await Task.Delay(TimeSpan.FromSeconds(3));
        scenario.Note($"{await suite.Infrastructure.QueueDepthAsync(FaultSuiteFixture.VolunteerQueue)} messages waiting in the volunteer queue");
        await suite.ConsumerPostgres.StartAsync();
        scenario.Healed("restarted (crash recovery)");
        await Task.Delay(TimeSpan.FromSeconds(3));

        (await scenario.FinishAsync()).AssertClean();
    }

    [Fact]
    public async Task Network_latency_and_resets_between_the_producer_and_the_broker()
    {
        using var scenario = await FaultScenario.BeginAsync(suite, output, "producer ↔ broker latency + resets (TCP fault proxy)");
        var proxy = suite.BrokerProxy;
        scenario.StartLoad();
        await scenario.UntilAcceptedAsync(30);

        try
        {
            proxy.Latency = TimeSpan.FromMilliseconds(300);
            scenario.Note("300 ms added each way");
            await Task.Delay(TimeSpan.FromSeconds(5));
            proxy.Blocked = true;
            var reset = proxy.ResetAll();
            scenario.Note($"{reset} connection(s) reset, new ones refused for 5 s");
            await Task.Delay(TimeSpan.FromSeconds(5));
            scenario.Note($"{await suite.UnsentOutboxAsync()} events waiting in the outbox while cut off");
            proxy.Blocked = false;
            await Task.Delay(TimeSpan.FromSeconds(3));
            scenario.Note($"{proxy.ResetAll()} connection(s) reset again under 300 ms latency");
            await Task.Delay(TimeSpan.FromSeconds(3));
        }
        finally
        {
            proxy.Blocked = false;
            proxy.Latency = TimeSpan.Zero;
        }

        scenario.Healed($"network healed; {proxy.Resets} resets in all");
        await Task.Delay(TimeSpan.FromSeconds(3));

        (await scenario.FinishAsync()).AssertClean();
    }

    [Fact]
    public async Task A_poison_message_ends_in_the_error_queue_alone_and_the_stream_flows_past_it()
    {
        using var scenario = await FaultScenario.BeginAsync(suite, output, "poison message");
        scenario.StartLoad();
        await scenario.UntilAcceptedAsync(30);

        var poisonId = Guid.NewGuid();
        var poisonMember = Guid.NewGuid();
        await PublishPoisonAsync(poisonId, poisonMember);
        scenario.Note("a MemberRegistered whose grid code no volunteer row can hold, published to the volunteer queue");
        await Task.Delay(TimeSpan.FromSeconds(3));

        var errorQueue = FaultSuiteFixture.VolunteerQueue + "_error";
        await Eventually.ReturnsAsync(() => suite.Infrastructure.QueueDepthAsync(errorQueue), n => n >= 1, TimeSpan.FromSeconds(60), "the poison message in the error queue");
        Assert.Equal([poisonId.ToString()], await DrainQueueAsync(errorQueue));
        scenario.Note("exactly that message, by id, was in the error queue after its retries; removed once identified");

        var figures = await scenario.FinishAsync();
        figures.AssertClean();
        Assert.DoesNotContain(poisonMember, (await suite.ProfilesAsync([poisonMember], scenario.Started)).Keys);
    }

    [Fact]
    public async Task A_client_retrying_with_the_same_idempotency_key_after_a_gateway_restart_gets_the_first_answer()
    {
        using var scenario = await FaultScenario.BeginAsync(suite, output, "gateway SIGKILL + restart, retries with the same Idempotency-Key", suite.Gateway.Address);
        scenario.StartLoad();
        await scenario.UntilAcceptedAsync(30);

        suite.Gateway.Kill();
        scenario.Note("gateway killed with SIGKILL mid-stream");
        await Task.Delay(TimeSpan.FromSeconds(1));
        await suite.Gateway.StartAndWaitAsync(path: "/alive");
        scenario.Healed("gateway restarted");
        await Task.Delay(TimeSpan.FromSeconds(2));

        // Writes answered before the restart, sent again through the new gateway: the stored answer, not a new member.
        using (var client = FaultSuiteFixture.ClientFor(suite.Gateway.Address, scenario.Token))
        {
            var answered = scenario.Stream.Writes.Where(w => w.MemberId is not null).OrderBy(w => w.Index).Take(20).ToList();
            foreach (var write in answered)
            {
                var first = write.MemberId;
                await WriteStream.SendAsync(client, write);
                Assert.True(write.Replayed, $"write {write.Key} was not replayed (status {write.LastStatus})");
                Assert.Equal(first, write.MemberId);
                Assert.Null(write.Conflicting);
                // The column counts replays of writes whose first answer was lost, not these deliberate ones.
                write.Replayed = false;
            }

            scenario.Note($"{answered.Count} writes answered before the kill, re-sent with their keys through the new gateway: all replayed with the first member id");
        }

        var figures = await scenario.FinishAsync(retryVia: suite.Gateway.Address);
        figures.AssertClean();
        Assert.Equal(figures.Accepted, await suite.MembersNamedAsync(scenario.Stream.NamePrefix));
    }

    private async Task PublishPoisonAsync(Guid messageId, Guid memberId)
    {
        var envelope = new
        {
            messageId,
            messageType = new[] { "urn:message:CommunityPlatform.Contracts.Membership:MemberRegistered" },
            sentTime = DateTimeOffset.UtcNow,
            headers = new { },
            message = new
            {
                eventId = messageId,
                occurredAt = DateTimeOffset.UtcNow,
                memberId,
                organisationCode = FaultSuiteFixture.Branch,
                // Longer than the 50 characters a profile's grid code holds: it fails on every delivery.
                gridCode = new string('G', 80),
            },
        };
        await using var connection = await suite.Infrastructure.ConnectToBrokerAsync();
        await using var channel = await connection.CreateChannelAsync();
        var properties = new BasicProperties { MessageId = messageId.ToString(), ContentType = "application/vnd.masstransit+json", Persistent = true };
        await channel.BasicPublishAsync("", FaultSuiteFixture.VolunteerQueue, mandatory: true, properties,
            Encoding.UTF8.GetBytes(JsonSerializer.Serialize(envelope, JsonSerializerOptions.Web)));
    }

    /// <summary>Takes every message out of <paramref name="queue"/> and returns their message ids.</summary>
    private async Task<List<string?>> DrainQueueAsync(string queue)
    {
        await using var connection = await suite.Infrastructure.ConnectToBrokerAsync();
        await using var channel = await connection.CreateChannelAsync();
        var ids = new List<string?>();
        while (await channel.BasicGetAsync(queue, autoAck: true) is { } message)
        {
            ids.Add(message.BasicProperties.MessageId);
        }

        return ids;
    }
}
