using System.Net;
using System.Net.Http.Json;
using CommunityPlatform.Membership.Infrastructure;
using CommunityPlatform.ServiceDefaults;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.TestSupport;
using CommunityPlatform.Volunteer.Infrastructure;

namespace CommunityPlatform.Messaging.Tests;

/// <summary>
/// The real membership and volunteer services, in-process, through faults of the broker: registering a member
/// must end in exactly one volunteer profile whatever the broker was doing.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class MemberToVolunteerFlowTests(LocalInfrastructureFixture infrastructure)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private static readonly string VolunteerQueue = EventSubscriptions.QueueName(BusNames.Volunteer, typeof(Contracts.Membership.MemberRegistered));

    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];

    private ServiceApp<MembershipDbContext> Membership() => new(infrastructure, ResourceNames.MembershipDb, "membership_" + _suffix);

    private ServiceApp<VolunteerDbContext> Volunteer() => new(infrastructure, ResourceNames.VolunteerDb, "volunteer_" + _suffix);

    [Fact]
    public async Task Members_registered_while_the_broker_is_down_are_accepted_and_each_becomes_one_volunteer()
    {
        await using var membership = Membership();
        await using var volunteer = Volunteer();
        var membershipClient = membership.CreateClientAs(CommunityRoles.Secretary);
        var volunteerClient = volunteer.CreateClientAs(CommunityRoles.VolunteerLeader);
        await CreateBranchAsync(membershipClient);

        infrastructure.Broker.Stop();
        var memberIds = new List<Guid>();
        try
        {
            for (var i = 0; i < 20; i++)
            {
                memberIds.Add(await RegisterAsync(membershipClient, i));
            }
        }
        finally
        {
            await infrastructure.StartBrokerAsync();
        }

        var volunteers = await Eventually.ReturnsAsync(() => VolunteersAsync(volunteerClient), v => v.Count >= 20, Patience, "20 volunteer profiles");
        await Task.Delay(TimeSpan.FromSeconds(1));
        volunteers = await VolunteersAsync(volunteerClient);
        Assert.Equal(20, volunteers.Count);
        Assert.Equal(memberIds.Order(), volunteers.Select(v => v.MemberId!.Value).Order());
    }

    [Fact]
    public async Task Members_registered_before_the_volunteer_service_ever_ran_all_reach_it_once()
    {
        // Make the volunteer service's queue and its binding never have existed.
        await using (var connection = await infrastructure.ConnectToBrokerAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            await channel.QueueDeleteAsync(VolunteerQueue, ifUnused: false, ifEmpty: false);
            await channel.ExchangeDeleteAsync(VolunteerQueue);
        }

        var memberIds = new List<Guid>();
        await using (var membership = Membership())
        {
            var membershipClient = membership.CreateClientAs(CommunityRoles.Secretary);
            await CreateBranchAsync(membershipClient);
            for (var i = 0; i < 30; i++)
            {
                memberIds.Add(await RegisterAsync(membershipClient, i));
            }

            // The producer declared the subscriber's queue before publishing, so the broker kept every event.
            await Eventually.ReturnsAsync(() => infrastructure.QueueDepthAsync(VolunteerQueue), n => n == 30, Patience, "30 events waiting in the volunteer queue");
        }

        await using var volunteer = Volunteer();
        var volunteerClient = volunteer.CreateClientAs(CommunityRoles.VolunteerLeader);
        var volunteers = await Eventually.ReturnsAsync(() => VolunteersAsync(volunteerClient), v => v.Count >= 30, Patience, "30 volunteer profiles");
        Assert.Equal(memberIds.Order(), volunteers.Select(v => v.MemberId!.Value).Order());
    }

    private static async Task CreateBranchAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/membership/organisations", new { code = "DZB-01", name = "第一党支部", kind = "Branch" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task<Guid> RegisterAsync(HttpClient client, int i)
    {
        var response = await client.PostAsJsonAsync("/api/membership/members", new
        {
            name = $"测试党员{i}",
            gender = i % 2 == 0 ? "男" : "女",
            birthDate = new DateOnly(1985, 1, 1).AddDays(i * 97),
            education = "本科",
            organisationCode = "DZB-01",
            gridCode = "G01",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var member = await response.Content.ReadFromJsonAsync<IdOnly>();
        return member!.Id;
    }

    private static async Task<List<VolunteerRow>> VolunteersAsync(HttpClient client)
    {
        var page = await client.GetFromJsonAsync<VolunteerPage>("/api/volunteer/volunteers?limit=200");
        return page!.Items;
    }

    private sealed record IdOnly(Guid Id);

    private sealed record VolunteerRow(Guid Id, Guid? MemberId);

    private sealed record VolunteerPage(List<VolunteerRow> Items, string? NextCursor);
}
