using CommunityPlatform.Contracts.Grid;
using CommunityPlatform.ServiceDefaults;
using CommunityPlatform.TestSupport;
using CommunityPlatform.Volunteer.Infrastructure;
using MassTransit;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPlatform.Volunteer.FunctionalTests;

public sealed class VolunteerApiFixture() : ServiceFixture<VolunteerDbContext>(ResourceNames.VolunteerDb)
{
    /// <summary>Grids the grid service announced before the tests run.</summary>
    public static readonly string[] Grids = ["VG-01", "VG-02"];

    /// <summary>The clock of <see cref="Later"/>: the real time plus an offset a test moves forward to reach an activity's start and end.</summary>
    public ShiftedClock Clock { get; } = new();

    /// <summary>
    /// The service once more, on <see cref="Clock"/>, for attendance: a volunteer signs up before the start (on the
    /// real clock) and checks in once the clock has been moved to the start. Same database and broker.
    /// </summary>
    public WebApplicationFactory<VolunteerDbContext> Later { get; private set; } = null!;

    /// <summary>Grids arrive the way they do in production: GridCreated on the bus, recorded by the known-grid consumers.</summary>
    protected override async Task SeedAsync()
    {
        var bus = App.Services.GetRequiredService<IBus>();
        foreach (var code in Grids)
        {
            var created = new GridCreated { EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, GridCode = code, Name = $"测试网格{code}" };
            await bus.Publish(created, context => context.MessageId = created.EventId);
        }

        await Eventually.ReturnsAsync(
            () => ScalarAsync<long>($"SELECT count(*) FROM known_grids WHERE code IN ('{string.Join("','", Grids)}')"),
            n => n == Grids.Length, TimeSpan.FromSeconds(60), "the announced grids");

        Later = App.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock)));
    }
}

/// <summary>The real clock moved by <see cref="Offset"/>; timers still run on real time.</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}

[CollectionDefinition(Name)]
public sealed class VolunteerApiCollection : ICollectionFixture<VolunteerApiFixture>
{
    public const string Name = "volunteer-api";
}
