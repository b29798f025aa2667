using CommunityPlatform.ServiceKit.Http;
using CommunityPlatform.ServiceKit.Persistence;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using CommunityPlatform.Contracts;
using CommunityPlatform.County.Consumers;
using CommunityPlatform.County.Domain;
using CommunityPlatform.County.Infrastructure;
using CommunityPlatform.Messaging;
using CommunityPlatform.ServiceDefaults;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.ServiceKit.Web;

namespace CommunityPlatform.County.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceApi();
        // Open311 GeoReport v2 and CloudEvents write snake_case (service_request_id, status_notes); the county's
        // whole API, feed data included, follows them, while the other services keep camelCase.
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.Converters.Insert(0, new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        });
        builder.AddServiceAuthentication(policies => policies.AddCountyPolicies());
        builder.AddServiceDatabase<CountyDbContext>(ResourceNames.CountyDb);
        builder.AddPlatformMessaging<CountyDbContext>(FeedCatalogue.OwnService, messaging =>
        {
            // The feed takes every event the catalogue says the county consumes, each with the one generic consumer.
            var addFeedConsumer = typeof(Extensions).GetMethod(nameof(AddFeedConsumer), BindingFlags.NonPublic | BindingFlags.Static)!;
            foreach (var eventType in EventSubscriptions.Catalogue.Where(kv => kv.Value.Contains(FeedCatalogue.OwnService)).Select(kv => kv.Key))
            {
                addFeedConsumer.MakeGenericMethod(eventType).Invoke(null, [messaging]);
            }
        });
        builder.Services.AddIdempotency<CountyDbContext>();
        builder.Services.AddServiceClient<GridDirectory>(GridDirectory.ClientName, TimeSpan.FromSeconds(10));
    }

    private static void AddFeedConsumer<TEvent>(PlatformMessagingBuilder messaging)
        where TEvent : IntegrationEvent =>
        messaging.AddConsumer<RecordFeedEventConsumer<TEvent>, TEvent>();
}
