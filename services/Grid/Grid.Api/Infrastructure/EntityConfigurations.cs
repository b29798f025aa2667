using CommunityPlatform.Grid.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPlatform.Grid.Infrastructure;

internal sealed class GridAreaConfiguration : IEntityTypeConfiguration<GridArea>
{
    public void Configure(EntityTypeBuilder<GridArea> grid)
    {
        grid.ToTable("grids");
        grid.HasKey(g => g.Id);
        grid.Property(g => g.Code).HasMaxLength(GridArea.CodeMaxLength);
        grid.Property(g => g.Name).HasMaxLength(100);
        grid.HasIndex(g => g.Code).IsUnique();
    }
}

internal sealed class BuildingConfiguration : IEntityTypeConfiguration<Building>
{
    public void Configure(EntityTypeBuilder<Building> building)
    {
        building.HasKey(b => b.Id);
        building.Property(b => b.GridCode).HasMaxLength(GridArea.CodeMaxLength);
        building.Property(b => b.Name).HasMaxLength(Building.NameMaxLength);
        building.Property(b => b.Address).HasMaxLength(200);
        building.HasIndex(b => new { b.GridCode, b.Name }).IsUnique();
    }
}

internal sealed class BuildingUnitConfiguration : IEntityTypeConfiguration<BuildingUnit>
{
    public void Configure(EntityTypeBuilder<BuildingUnit> unit)
    {
        unit.ToTable("units");
        unit.HasKey(u => u.Id);
        unit.Property(u => u.Name).HasMaxLength(20);
        unit.HasIndex(u => new { u.BuildingId, u.Name }).IsUnique();
        unit.HasOne<Building>().WithMany().HasForeignKey(u => u.BuildingId);
    }
}

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> household)
    {
        household.HasKey(h => h.Id);
        household.Property(h => h.GridCode).HasMaxLength(GridArea.CodeMaxLength);
        household.Property(h => h.Room).HasMaxLength(20);
        household.HasIndex(h => new { h.BuildingId, h.UnitId, h.Room }).IsUnique().AreNullsDistinct(false);
        household.HasIndex(h => new { h.GridCode, h.Id });
        household.HasOne<Building>().WithMany().HasForeignKey(h => h.BuildingId);
        household.HasOne<BuildingUnit>().WithMany().HasForeignKey(h => h.UnitId);
    }
}

internal sealed class ResidentConfiguration : IEntityTypeConfiguration<Resident>
{
    public void Configure(EntityTypeBuilder<Resident> resident)
    {
        resident.HasKey(r => r.Id);
        resident.Property(r => r.GridCode).HasMaxLength(GridArea.CodeMaxLength);
        resident.Property(r => r.Name).HasMaxLength(Resident.NameMaxLength);
        resident.Property(r => r.Gender).HasConversion<string>().HasMaxLength(10);
        resident.Property(r => r.Phone).HasMaxLength(20);
        resident.Property(r => r.Relation).HasMaxLength(20);
        // The residents of one grid, paged by id: the grid worker's everyday list.
        resident.HasIndex(r => new { r.GridCode, r.Id });
        resident.HasIndex(r => r.HouseholdId);
        resident.HasIndex(r => r.Name).HasOperators("varchar_pattern_ops");
        resident.HasOne<Household>().WithMany().HasForeignKey(r => r.HouseholdId);
    }
}

internal sealed class BusinessConfiguration : IEntityTypeConfiguration<Business>
{
    public void Configure(EntityTypeBuilder<Business> business)
    {
        business.HasKey(b => b.Id);
        business.Property(b => b.GridCode).HasMaxLength(GridArea.CodeMaxLength);
        business.Property(b => b.Name).HasMaxLength(100);
        business.Property(b => b.Category).HasMaxLength(50);
        business.Property(b => b.Address).HasMaxLength(200);
        business.Property(b => b.Operator).HasMaxLength(50);
        business.Property(b => b.Phone).HasMaxLength(20);
        business.HasIndex(b => new { b.GridCode, b.Id });
    }
}

internal sealed class PartnerUnitConfiguration : IEntityTypeConfiguration<PartnerUnit>
{
    public void Configure(EntityTypeBuilder<PartnerUnit> partner)
    {
        partner.HasKey(p => p.Id);
        partner.Property(p => p.Name).HasMaxLength(100);
        partner.Property(p => p.GridCode).HasMaxLength(GridArea.CodeMaxLength);
        partner.Property(p => p.Contact).HasMaxLength(100);
        partner.OwnsMany(p => p.Resources, resources => resources.ToJson());
    }
}

internal sealed class MatterConfiguration : IEntityTypeConfiguration<Matter>
{
    public void Configure(EntityTypeBuilder<Matter> matter)
    {
        matter.HasKey(m => m.Id);
        matter.Property(m => m.GridCode).HasMaxLength(GridArea.CodeMaxLength);
        matter.Property(m => m.Category).HasConversion<string>().HasMaxLength(30);
        matter.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        matter.Property(m => m.ReporterKind).HasConversion<string>().HasMaxLength(20);
        matter.Property(m => m.Source).HasConversion<string>().HasMaxLength(30);
        matter.Property(m => m.Location).HasMaxLength(200);
        matter.Property(m => m.Description).HasMaxLength(Matter.DescriptionMaxLength);
        matter.Property(m => m.ReporterName).HasMaxLength(50);
        matter.Property(m => m.ReporterUserId).HasMaxLength(100);
        matter.Property(m => m.ReturnReason).HasMaxLength(500);
        matter.Property(m => m.Handler).HasMaxLength(100);
        matter.Property(m => m.Resolution).HasMaxLength(2000);
        matter.Property(m => m.StatusNotes).HasMaxLength(500);
        matter.Property(m => m.SourceId).HasMaxLength(100);
        matter.Property(m => m.UpdatedAt).IsConcurrencyToken();
        matter.HasIndex(m => new { m.GridCode, m.Status });
        matter.HasIndex(m => new { m.Status, m.DueOn });
        matter.HasIndex(m => m.ReporterUserId);
        // One matter per hazard, observation or missed quota, however often the event arrives.
        matter.HasIndex(m => new { m.Source, m.SourceId }).IsUnique().HasFilter("source_id IS NOT NULL");
        matter.HasMany(m => m.Timeline).WithOne().HasForeignKey(t => t.MatterId);
        matter.Navigation(m => m.Timeline).HasField("_timeline");
        matter.Ignore(m => m.IsOpen);
    }
}

internal sealed class MatterTimelineEntryConfiguration : IEntityTypeConfiguration<MatterTimelineEntry>
{
    public void Configure(EntityTypeBuilder<MatterTimelineEntry> entry)
    {
        entry.ToTable("matter_timeline");
        entry.HasKey(e => e.Id);
        // The domain sets the id; a new entry found through the matter's timeline must be inserted, not updated.
        entry.Property(e => e.Id).ValueGeneratedNever();
        entry.HasIndex(e => new { e.MatterId, e.At });
        entry.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        entry.Property(e => e.Note).HasMaxLength(500);
        entry.Property(e => e.Actor).HasMaxLength(100);
        entry.Property(e => e.ActorName).HasMaxLength(100);
    }
}

internal sealed class DeliberationSessionConfiguration : IEntityTypeConfiguration<DeliberationSession>
{
    public void Configure(EntityTypeBuilder<DeliberationSession> session)
    {
        session.HasKey(s => s.Id);
        session.HasIndex(s => s.MatterId);
        session.HasIndex(s => s.HeldOn);
        session.Property(s => s.Venue).HasConversion<string>().HasMaxLength(30);
        session.Property(s => s.Minutes).HasMaxLength(10_000);
        session.Property(s => s.Decision).HasMaxLength(1000);
    }
}

internal sealed class BuildingVoteConfiguration : IEntityTypeConfiguration<BuildingVote>
{
    public void Configure(EntityTypeBuilder<BuildingVote> vote)
    {
        vote.HasKey(v => v.Id);
        vote.HasIndex(v => v.MatterId);
        vote.Property(v => v.Question).HasMaxLength(200);
        vote.HasMany(v => v.Ballots).WithOne().HasForeignKey(b => b.VoteId);
        vote.Navigation(v => v.Ballots).HasField("_ballots");
        vote.Ignore(v => v.Consents);
    }
}

internal sealed class BallotConfiguration : IEntityTypeConfiguration<Ballot>
{
    public void Configure(EntityTypeBuilder<Ballot> ballot)
    {
        ballot.HasKey(b => new { b.VoteId, b.HouseholdId });
    }
}
