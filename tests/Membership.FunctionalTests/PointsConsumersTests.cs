using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.Contracts.Grid;
using CommunityPlatform.Contracts.Volunteer;
using CommunityPlatform.TestSupport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPlatform.Membership.FunctionalTests;

/// <summary>
/// The points ledger fed by other services' events over the real broker: each event credits once, whether it is
/// redelivered (same message id) or announced again (same source under a new message id).
/// </summary>
[Collection(MembershipApiCollection.Name)]
public sealed class PointsConsumersTests(MembershipApiFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Volunteer_hours_a_fulfilled_wish_and_a_resolved_matter_credit_a_member_once_each_however_often_they_arrive()
    {
        var member = await fixture.Client.RegisterMemberAsync("贺永红");
        var bus = fixture.App.Services.GetRequiredService<IBus>();
        var now = DateTimeOffset.UtcNow;
        var hours = new VolunteerHoursCredited
        {
            EventId = Guid.NewGuid(), OccurredAt = now, ServiceRecordId = Guid.NewGuid(), VolunteerId = Guid.NewGuid(), MemberId = member,
            ActivityId = Guid.NewGuid(), Hours = 2.5m, ServedOn = MembershipApi.Today,
        };
        var redelivery = Guid.NewGuid();
        await bus.Publish(hours, context => context.MessageId = redelivery);
        await bus.Publish(hours, context => context.MessageId = redelivery);
        await bus.Publish(hours with { EventId = Guid.NewGuid() }, context => context.MessageId = Guid.NewGuid());
        await bus.Publish(new MicroWishFulfilled { EventId = Guid.NewGuid(), OccurredAt = now, MicroWishId = Guid.NewGuid(), GridCode = "G02", MemberId = member, FulfilledAt = now });
        var matter = Guid.NewGuid();
        await bus.Publish(new MatterResolved { EventId = Guid.NewGuid(), OccurredAt = now, MatterId = matter, GridCode = "G02", Category = "Dispute", ResolverMemberId = member, ResolvedAt = now });
        await bus.Publish(new MatterResolved { EventId = Guid.NewGuid(), OccurredAt = now, MatterId = Guid.NewGuid(), GridCode = "G02", Category = "Dispute", ResolvedAt = now });

        var ledger = await Eventually.ReturnsAsync(
            () => fixture.Client.GetFromJsonAsync<JsonElement>($"/api/membership/members/{member}/points"),
            l => l.GetProperty("entries").GetArrayLength() >= 3, Patience, "three points entries");
        // Give any duplicate the time to (wrongly) land before counting.
        await Eventually.ReturnsAsync(
            () => fixture.ScalarAsync<long>("SELECT count(*) FROM inbox_messages WHERE consumer LIKE 'Award%'"),
            n => n >= 5, Patience, "five distinct messages through the inboxes");
        ledger = await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/membership/members/{member}/points");

        // 2.5 h × 1 + one wish × 3 + one matter × 2 (the configured defaults).
        Assert.Equal(7.5m, ledger.GetProperty("total").GetDecimal());
        var sources = ledger.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("source").GetString()).ToList();
        Assert.Equal(3, sources.Count);
        Assert.Contains($"volunteer-hours:{hours.ServiceRecordId}", sources);
        Assert.Contains($"matter:{matter}", sources);
        Assert.Equal(3, await fixture.ScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%PointsAwarded' AND payload->>'memberId' = '{member}'"));
        // PointsAwarded reaches the county feed's queue, which the producer declares before its first publish.
        await Eventually.ReturnsAsync(
            () => fixture.ScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%PointsAwarded' AND payload->>'memberId' = '{member}' AND sent_at IS NOT NULL"),
            n => n == 3, Patience, "the three PointsAwarded events published");
    }
}
