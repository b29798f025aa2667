using CommunityPlatform.Messaging;
using CommunityPlatform.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPlatform.AuthorizationTests;

/// <summary>
/// The subscription catalogue is what producers bind queues for before they publish; a consumer a service registers
/// that the catalogue does not name would get its queue only once that service has started, and an event published
/// before then would be dropped by RabbitMQ. So each running service's consumers and the catalogue must agree.
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed class SubscriptionCatalogueTests(ServicesFixture fixture)
{
    [Fact]
    public void Every_service_consumes_exactly_the_events_the_catalogue_names_it_for()
    {
        foreach (var (name, app) in fixture.Services)
        {
            var registration = app.Services.GetRequiredService<PlatformMessagingRegistration>();
            Assert.Equal(name, registration.ServiceName);
            var catalogued = EventSubscriptions.Catalogue.Where(kv => kv.Value.Contains(name)).Select(kv => kv.Key.Name).Order(StringComparer.Ordinal);
            var consumed = registration.ConsumedEvents.Select(t => t.Name).Distinct().Order(StringComparer.Ordinal);
            Assert.True(catalogued.SequenceEqual(consumed),
                $"{name} consumes [{string.Join(", ", consumed)}] but the catalogue names it for [{string.Join(", ", catalogued)}]");
        }
    }

    [Fact]
    public void The_catalogue_names_only_services_that_run_on_the_bus()
    {
        var subscribers = EventSubscriptions.Catalogue.Values.SelectMany(s => s).Distinct().Order(StringComparer.Ordinal);
        Assert.All(subscribers, s => Assert.Contains(s, fixture.Services.Keys));
    }
}
