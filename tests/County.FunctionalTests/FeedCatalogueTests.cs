using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using CommunityPlatform.Contracts;
using CommunityPlatform.County.Domain;
using CommunityPlatform.County.Infrastructure;
using CommunityPlatform.Messaging;
using Microsoft.Extensions.DependencyInjection;
using static CommunityPlatform.County.FunctionalTests.CountyApi;

namespace CommunityPlatform.County.FunctionalTests;

/// <summary>
/// Every integration event of the suite reaches the county's feed with a mapping, and none of them carries
/// personal data or anything of the care list (重点人员) — checked over every contract type, so an event added
/// later is checked too.
/// </summary>
[Collection(CountyApiCollection.Name)]
public sealed partial class FeedCatalogueTests(CountyApiFixture fixture)
{
    /// <summary>
    /// Fields that would name or reach a person: names, phones, ID-card numbers, birth dates, a person's address,
    /// households, and anything of the care list.
    /// </summary>
    [GeneratedRegex("name|phone|mobile|tel|id_?card|identity|id_number|birth|gender|ethnic|address|resident|household|reporter|person|people|contact|care|guardian", RegexOptions.IgnoreCase)]
    private static partial Regex PersonalField();

    /// <summary>Fields the pattern catches that are not about a person, each with the reason.</summary>
    private static readonly HashSet<(string Type, string Field)> NotPersonal =
    [
        ("GridCreated", "name"), // a grid's name, e.g. 第一网格
        ("GridRenamed", "name"),
    ];

    private static IEnumerable<Type> ContractTypes =>
        typeof(IntegrationEvent).Assembly.GetExportedTypes().Where(t => t is { IsAbstract: false, IsClass: true } && t.IsSubclassOf(typeof(IntegrationEvent)));

    [Fact]
    public void Every_contract_has_a_feed_mapping_and_the_county_subscribes_to_every_event_but_its_own()
    {
        Assert.NotEmpty(ContractTypes);
        foreach (var type in ContractTypes)
        {
            Assert.True(FeedCatalogue.Types.Contains(type), $"{type.Name} has no CloudEvents mapping in FeedCatalogue");
            Assert.True(EventSubscriptions.Catalogue.TryGetValue(type, out var subscribers), $"{type.Name} is not in the subscription catalogue");
            var own = FeedCatalogue.ServiceOf(type) == FeedCatalogue.OwnService;
            Assert.True(own != subscribers.Contains(FeedCatalogue.OwnService),
                own ? $"{type.Name} is the county's own: it is written to the feed, not received" : $"{type.Name} does not list county as a subscriber");
        }

        Assert.Equal(ContractTypes.Count(), ContractTypes.Select(t => FeedCatalogue.KindOf(t).Type).Distinct().Count());
    }

    [Fact]
    public async Task One_sample_of_every_event_type_reaches_the_feed_whole_and_without_personal_data()
    {
        var start = await fixture.County.FeedEndAsync();
        var samples = ContractTypes.Select(Sample).ToList();
        foreach (var sample in samples)
        {
            if (FeedCatalogue.ServiceOf(sample.GetType()) == FeedCatalogue.OwnService)
            {
                await RecordOwnAsync(sample);
            }
            else
            {
                await fixture.Bus.PublishAsync(sample);
            }
        }

        var ids = samples.Select(s => s.EventId.ToString()).ToHashSet();
        var events = (await fixture.County.ReadFeedUntilAsync(start, e => e.Count(x => ids.Contains(x.GetProperty("id").GetString()!)) == ids.Count, "a sample of every type"))
            .Where(e => ids.Contains(e.GetProperty("id").GetString()!))
            .ToDictionary(e => e.GetProperty("id").GetString()!);

        foreach (var sample in samples)
        {
            var type = sample.GetType();
            var cloudEvent = events[sample.EventId.ToString()];
            Assert.Equal(FeedCatalogue.KindOf(type).Type, cloudEvent.Type());
            Assert.Equal($"/communityplatform/{FeedCatalogue.ServiceOf(type)}", cloudEvent.GetProperty("source").GetString());
            Assert.False(string.IsNullOrEmpty(cloudEvent.Subject()));

            var data = cloudEvent.GetProperty("data");
            // Nothing dropped: every field of the contract but the id and time the envelope carries.
            var expected = type.GetProperties().Select(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name)).Except(["event_id", "occurred_at"]).Order();
            Assert.Equal(expected, data.EnumerateObject().Select(p => p.Name).Order());
            var personal = FieldNames(data).Where(f => PersonalField().IsMatch(f) && !NotPersonal.Contains((type.Name, f))).ToList();
            Assert.True(personal.Count == 0, $"{type.Name} puts {string.Join(", ", personal)} on the feed");
        }
    }

    private async Task RecordOwnAsync(IntegrationEvent sample)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CountyDbContext>();
        await db.InTransactionAsync(async ct =>
        {
            // The county's own events reach the feed as its cases raise them (AnnounceAsync); a sample is appended alone.
            await db.AppendToFeedAsync(sample, DateTimeOffset.UtcNow, ct);
            return true;
        }, CancellationToken.None);
    }

    private static IEnumerable<string> FieldNames(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => FieldNames(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(FieldNames),
        _ => [],
    };

    /// <summary>An instance of <paramref name="type"/> with every property set, optional ones included.</summary>
    private static IntegrationEvent Sample(Type type)
    {
        var sample = (IntegrationEvent)Activator.CreateInstance(type)!;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            property.SetValue(sample, SampleValue(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType, property.Name));
        }

        return sample;
    }

    private static object SampleValue(Type type, string name) => type switch
    {
        _ when type == typeof(Guid) => name == nameof(IntegrationEvent.EventId) ? Guid.CreateVersion7() : Guid.NewGuid(),
        _ when type == typeof(string) => $"sample-{Guid.NewGuid().ToString("N")[..6]}",
        _ when type == typeof(DateTimeOffset) => DateTimeOffset.UtcNow,
        _ when type == typeof(DateOnly) => DateOnly.FromDateTime(DateTime.UtcNow),
        _ when type == typeof(int) => 1,
        _ when type == typeof(decimal) => 1.5m,
        _ when type == typeof(bool) => true,
        _ when type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) && type.GetGenericArguments()[0] == typeof(Guid) => new List<Guid> { Guid.NewGuid() },
        _ => throw new InvalidOperationException($"No sample value for a {type.Name} ({name}): teach the test this type."),
    };
}
