using CommunityPlatform.County.Domain;
using CommunityPlatform.ServiceKit.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPlatform.County.Infrastructure;

internal sealed class CountyCaseConfiguration : IEntityTypeConfiguration<CountyCase>
{
    public void Configure(EntityTypeBuilder<CountyCase> countyCase)
    {
        countyCase.ToTable("cases");
        countyCase.HasKey(c => c.Id);
        countyCase.Property(c => c.CountyCaseId).HasMaxLength(CountyCase.CountyCaseIdMaxLength);
        countyCase.Property(c => c.ServiceCode).HasMaxLength(50);
        countyCase.Property(c => c.Description).HasMaxLength(CountyCase.DescriptionMaxLength);
        countyCase.Property(c => c.Address).HasMaxLength(CountyCase.AddressMaxLength);
        countyCase.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
        countyCase.Property(c => c.StatusNotes).HasMaxLength(CountyCase.NotesMaxLength);
        countyCase.Property(c => c.GridCode).HasMaxLength(GridCodes.MaxLength);
        countyCase.Property(c => c.HandledBy).HasMaxLength(200);
        countyCase.Property(c => c.UpdatedAt).IsConcurrencyToken();
        // One case per county id, however often the county sends it.
        countyCase.HasIndex(c => c.CountyCaseId).IsUnique();
        countyCase.HasIndex(c => c.State);
        countyCase.Ignore(c => c.Service);
    }
}

internal sealed class FeedEventConfiguration : IEntityTypeConfiguration<FeedEvent>
{
    public void Configure(EntityTypeBuilder<FeedEvent> feedEvent)
    {
        feedEvent.ToTable("feed_events");
        feedEvent.HasKey(e => e.Position);
        feedEvent.Property(e => e.Position).UseIdentityAlwaysColumn();
        feedEvent.Property(e => e.Type).HasMaxLength(200);
        feedEvent.Property(e => e.Source).HasMaxLength(100);
        feedEvent.Property(e => e.Subject).HasMaxLength(200);
        feedEvent.Property(e => e.Data).HasColumnType("jsonb");
        feedEvent.HasIndex(e => e.EventId).IsUnique();
    }
}
