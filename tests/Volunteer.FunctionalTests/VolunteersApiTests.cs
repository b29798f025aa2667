using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.Contracts.Membership;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.TestSupport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPlatform.Volunteer.FunctionalTests;

[Collection(VolunteerApiCollection.Name)]
public sealed class VolunteersApiTests(VolunteerApiFixture fixture)
{
    private HttpClient Client => fixture.Client;

    private async Task<Guid> AnnounceMemberAsync(string grid = "G07", Guid? eventId = null)
    {
        var registered = new MemberRegistered
        {
            EventId = eventId ?? Guid.NewGuid(),
            OccurredAt = DateTimeOffset.UtcNow,
            MemberId = Guid.NewGuid(),
            OrganisationCode = "YWH-DZB",
            GridCode = grid,
        };
        await fixture.App.Services.GetRequiredService<IBus>().Publish(registered, context => context.MessageId = registered.EventId);
        return registered.MemberId;
    }

    private async Task<JsonElement> VolunteersOfMemberAsync(Guid memberId) =>
        (await Client.GetFromJsonAsync<JsonElement>($"/api/volunteer/volunteers?memberId={memberId}")).GetProperty("items");

    [Fact]
    public async Task A_registered_member_gets_one_volunteer_profile_that_can_be_fetched()
    {
        var memberId = await AnnounceMemberAsync("G07");

        var items = await Eventually.ReturnsAsync(() => VolunteersOfMemberAsync(memberId), i => i.GetArrayLength() > 0, TimeSpan.FromSeconds(60), "the volunteer profile");
        Assert.Equal(1, items.GetArrayLength());
        Assert.Equal("MemberRegistration", items[0].GetProperty("source").GetString());

        var id = items[0].GetProperty("id").GetGuid();
        var fetched = await Client.GetFromJsonAsync<JsonElement>($"/api/volunteer/volunteers/{id}");
        Assert.Equal(memberId, fetched.GetProperty("memberId").GetGuid());
        Assert.Equal("G07", fetched.GetProperty("gridCode").GetString());
    }

    [Fact]
    public async Task The_same_member_announced_twice_under_different_event_ids_still_has_one_profile()
    {
        var memberId = await AnnounceMemberAsync("G08");
        await Eventually.ReturnsAsync(() => VolunteersOfMemberAsync(memberId), i => i.GetArrayLength() > 0, TimeSpan.FromSeconds(60), "the first profile");
        var again = new MemberRegistered { EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, MemberId = memberId, OrganisationCode = "YWH-DZB", GridCode = "G08" };
        await fixture.App.Services.GetRequiredService<IBus>().Publish(again, context => context.MessageId = again.EventId);

        await Eventually.ReturnsAsync(
            () => fixture.ScalarAsync<long>($"SELECT count(*) FROM inbox_messages WHERE message_id = '{again.EventId}'"),
            n => n == 1, TimeSpan.FromSeconds(60), "the second event to be handled");
        Assert.Equal(1, (await VolunteersOfMemberAsync(memberId)).GetArrayLength());
    }

    [Fact]
    public async Task Volunteers_are_listed_by_grid()
    {
        var grid = "G-" + Guid.NewGuid().ToString("N")[..6];
        await AnnounceMemberAsync(grid);
        await AnnounceMemberAsync(grid);

        var page = await Eventually.ReturnsAsync(
            () => Client.GetFromJsonAsync<JsonElement>($"/api/volunteer/volunteers?gridCode={grid}"),
            p => p.GetProperty("items").GetArrayLength() == 2, TimeSpan.FromSeconds(60), "two volunteers in the grid");
        Assert.All(page.GetProperty("items").EnumerateArray(), v => Assert.Equal(grid, v.GetProperty("gridCode").GetString()));
    }

    [Fact]
    public async Task A_grid_worker_sees_only_the_volunteers_of_their_grids_and_another_grids_volunteer_is_404()
    {
        var mine = "G-" + Guid.NewGuid().ToString("N")[..6];
        var theirs = "G-" + Guid.NewGuid().ToString("N")[..6];
        var ownMember = await AnnounceMemberAsync(mine);
        var otherMember = await AnnounceMemberAsync(theirs);
        var own = await Eventually.ReturnsAsync(() => VolunteersOfMemberAsync(ownMember), i => i.GetArrayLength() == 1, TimeSpan.FromSeconds(60), "own volunteer");
        var other = await Eventually.ReturnsAsync(() => VolunteersOfMemberAsync(otherMember), i => i.GetArrayLength() == 1, TimeSpan.FromSeconds(60), "other volunteer");
        var gridWorker = fixture.App.CreateClientAs(CommunityRoles.GridWorker, mine);

        var visible = await gridWorker.GetFromJsonAsync<JsonElement>("/api/volunteer/volunteers?limit=200");
        Assert.All(visible.GetProperty("items").EnumerateArray(), v => Assert.Equal(mine, v.GetProperty("gridCode").GetString()));
        Assert.Equal(1, visible.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await gridWorker.GetAsync($"/api/volunteer/volunteers/{own[0].GetProperty("id").GetGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gridWorker.GetAsync($"/api/volunteer/volunteers/{other[0].GetProperty("id").GetGuid()}")).StatusCode);
    }

    [Fact]
    public async Task The_volunteer_register_is_closed_without_a_token_and_to_members_and_residents()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Anonymous.GetAsync("/api/volunteer/volunteers")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.CreateClientAs(CommunityRoles.Member, "G01").GetAsync("/api/volunteer/volunteers")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.App.CreateClientAs(CommunityRoles.VolunteerLeader).GetAsync("/api/volunteer/volunteers")).StatusCode);
    }

    [Fact]
    public async Task A_malformed_member_id_is_a_400_and_an_unknown_volunteer_is_404()
    {
        var bad = await Client.GetAsync("/api/volunteer/volunteers?memberId=not-a-guid");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType!.MediaType);

        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/volunteer/volunteers/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task A_volunteer_with_a_control_character_is_a_400_naming_the_field_and_is_not_registered()
    {
        var account = VolunteerApi.NewAccount();

        var response = await Client.PostAsJsonAsync("/api/volunteer/volunteers", new
        {
            displayName = "王\0芳", phone = "13800138000", gridCode = "VG-01", skills = new[] { "急救" }, accountId = account,
        });

        Assert.Contains("must not contain control characters", await response.AssertInvalidAsync("displayName"));
        Assert.Equal(0, await fixture.ScalarAsync<long>($"SELECT count(*) FROM volunteers WHERE account_id = '{account}'"));
        Assert.Contains("must not contain control characters", await (await Client.GetAsync("/api/volunteer/volunteers?skill=%00")).AssertInvalidAsync("skill"));
    }

    [Fact]
    public async Task A_status_change_arriving_before_the_registration_links_the_member_and_a_late_older_change_is_ignored()
    {
        var memberId = Guid.NewGuid();
        var bus = fixture.App.Services.GetRequiredService<IBus>();
        var transferred = new MemberStatusChanged
        {
            EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, MemberId = memberId, GridCode = "G09",
            PreviousStatus = "Full", Status = "TransferredOut", Active = false, EffectiveOn = DateOnly.FromDateTime(DateTime.UtcNow),
        };
        await bus.Publish(transferred, context => context.MessageId = transferred.EventId);
        var items = await Eventually.ReturnsAsync(() => VolunteersOfMemberAsync(memberId), i => i.GetArrayLength() > 0, TimeSpan.FromSeconds(60), "the profile");
        Assert.False(items[0].GetProperty("active").GetBoolean());
        Assert.False(items[0].GetProperty("isPartyMember").GetBoolean());

        // The registration and an older admission arrive afterwards: neither undoes the later transfer.
        var registered = new MemberRegistered { EventId = Guid.NewGuid(), OccurredAt = transferred.OccurredAt.AddDays(-30), MemberId = memberId, OrganisationCode = "YWH-DZB", GridCode = "G09" };
        var admitted = transferred with { EventId = Guid.NewGuid(), OccurredAt = transferred.OccurredAt.AddDays(-1), PreviousStatus = "Probationary", Status = "Full", Active = true };
        await bus.Publish(registered, context => context.MessageId = registered.EventId);
        await bus.Publish(admitted, context => context.MessageId = admitted.EventId);
        await Eventually.ReturnsAsync(
            () => fixture.ScalarAsync<long>($"SELECT count(*) FROM inbox_messages WHERE message_id IN ('{registered.EventId}', '{admitted.EventId}')"),
            n => n == 2, TimeSpan.FromSeconds(60), "both late events handled");

        items = await VolunteersOfMemberAsync(memberId);
        Assert.Equal(1, items.GetArrayLength());
        Assert.False(items[0].GetProperty("active").GetBoolean());
    }
}
