using CommunityPlatform.Reporting.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPlatform.Reporting.Infrastructure;

internal sealed class ReportSnapshotConfiguration : IEntityTypeConfiguration<ReportSnapshot>
{
    public void Configure(EntityTypeBuilder<ReportSnapshot> snapshot)
    {
        snapshot.ToTable("report_snapshots");
        snapshot.HasKey(s => s.Id);
        snapshot.HasIndex(s => new { s.Year, s.Half, s.Version }).IsUnique();
        snapshot.Property(s => s.FrozenById).HasMaxLength(100);
        snapshot.Property(s => s.FrozenByName).HasMaxLength(100);
    }
}
