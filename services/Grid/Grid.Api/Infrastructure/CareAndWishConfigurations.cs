using CommunityPlatform.Grid.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPlatform.Grid.Infrastructure;

internal sealed class MicroWishConfiguration : IEntityTypeConfiguration<MicroWish>
{
    public void Configure(EntityTypeBuilder<MicroWish> wish)
    {
        wish.HasKey(w => w.Id);
        wish.Property(w => w.GridCode).HasMaxLength(GridArea.CodeMaxLength);
        wish.Property(w => w.Category).HasMaxLength(30);
        wish.Property(w => w.Title).HasMaxLength(100);
        wish.Property(w => w.Description).HasMaxLength(1000);
        wish.Property(w => w.PosterName).HasMaxLength(50);
        wish.Property(w => w.Status).HasConversion<string>().HasMaxLength(20);
        wish.Property(w => w.ClaimantName).HasMaxLength(100);
        wish.Property(w => w.FulfilmentNote).HasMaxLength(1000);
        wish.HasIndex(w => new { w.GridCode, w.Status });
        wish.HasIndex(w => new { w.Status, w.Category });
    }
}

internal sealed class CommunityNeedConfiguration : IEntityTypeConfiguration<CommunityNeed>
{
    public void Configure(EntityTypeBuilder<CommunityNeed> need)
    {
        need.HasKey(n => n.Id);
        need.Property(n => n.GridCode).HasMaxLength(GridArea.CodeMaxLength);
        need.Property(n => n.Category).HasMaxLength(30);
        need.Property(n => n.Title).HasMaxLength(100);
        need.Property(n => n.Description).HasMaxLength(1000);
        need.HasIndex(n => n.Category);
    }
}

internal sealed class MemberOfferConfiguration : IEntityTypeConfiguration<MemberOffer>
{
    public void Configure(EntityTypeBuilder<MemberOffer> offer)
    {
        offer.HasKey(o => o.Id);
        offer.Property(o => o.MemberName).HasMaxLength(50);
        offer.Property(o => o.GridCode).HasMaxLength(GridArea.CodeMaxLength);
        offer.Property(o => o.Category).HasMaxLength(30);
        offer.Property(o => o.Description).HasMaxLength(500);
        offer.HasIndex(o => o.Category);
    }
}

internal sealed class CarePersonConfiguration : IEntityTypeConfiguration<CarePerson>
{
    public void Configure(EntityTypeBuilder<CarePerson> person)
    {
        person.ToTable("care_people");
        person.HasKey(p => p.Id);
        person.Property(p => p.GridCode).HasMaxLength(GridArea.CodeMaxLength);
        // Category and risk are sealed (SealPersonalData): nothing in the database can be filtered or indexed on them.
        person.Property(p => p.ResponsibleWorkerId).HasMaxLength(100);
        person.HasIndex(p => p.GridCode);
    }
}

internal sealed class CareVisitConfiguration : IEntityTypeConfiguration<CareVisit>
{
    public void Configure(EntityTypeBuilder<CareVisit> visit)
    {
        visit.HasKey(v => v.Id);
        visit.Property(v => v.VisitorId).HasMaxLength(100);
        visit.HasIndex(v => new { v.CarePersonId, v.VisitedOn });
        visit.HasOne<CarePerson>().WithMany().HasForeignKey(v => v.CarePersonId);
    }
}
