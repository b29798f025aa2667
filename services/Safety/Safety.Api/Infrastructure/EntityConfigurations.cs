using CommunityPlatform.Safety.Domain;
using CommunityPlatform.ServiceKit.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPlatform.Safety.Infrastructure;

internal sealed class VenueConfiguration : IEntityTypeConfiguration<Venue>
{
    public void Configure(EntityTypeBuilder<Venue> venue)
    {
        venue.HasKey(v => v.Id);
        venue.Property(v => v.Name).HasMaxLength(100);
        venue.Property(v => v.Kind).HasConversion<string>().HasMaxLength(30);
        venue.Property(v => v.GridCode).HasMaxLength(20);
        venue.Property(v => v.Address).HasMaxLength(200);
        venue.Property(v => v.OwnerName).HasMaxLength(100);
        venue.Property(v => v.OwnerPhone).HasMaxLength(20);
        venue.Property(v => v.FloorArea).HasPrecision(10, 1);
        venue.Property(v => v.Attributes).HasJsonColumn();
        venue.HasIndex(v => new { v.GridCode, v.Kind });
    }
}

internal sealed class ChecklistTemplateConfiguration : IEntityTypeConfiguration<ChecklistTemplate>
{
    public void Configure(EntityTypeBuilder<ChecklistTemplate> template)
    {
        template.ToTable("checklists");
        template.HasKey(t => t.Id);
        template.Property(t => t.Code).HasMaxLength(40);
        template.Property(t => t.Name).HasMaxLength(100);
        template.Property(t => t.CreatedBy).HasMaxLength(100);
        template.Property(t => t.Items).HasJsonColumn();
        template.HasIndex(t => new { t.Code, t.Version }).IsUnique();
    }
}

internal sealed class InspectionConfiguration : IEntityTypeConfiguration<Inspection>
{
    public void Configure(EntityTypeBuilder<Inspection> inspection)
    {
        inspection.HasKey(i => i.Id);
        inspection.Property(i => i.VenueName).HasMaxLength(100);
        inspection.Property(i => i.VenueKind).HasConversion<string>().HasMaxLength(30);
        inspection.Property(i => i.GridCode).HasMaxLength(20);
        inspection.Property(i => i.TemplateCode).HasMaxLength(40);
        inspection.Property(i => i.InspectorId).HasMaxLength(100);
        inspection.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        inspection.Property(i => i.Answers).HasJsonColumn();
        inspection.Property(i => i.UpdatedAt).IsConcurrencyToken();
        inspection.HasIndex(i => new { i.VenueId, i.StartedAt });
        inspection.HasIndex(i => i.CampaignId);
        inspection.HasIndex(i => new { i.GridCode, i.Status });
    }
}

internal sealed class HazardConfiguration : IEntityTypeConfiguration<Hazard>
{
    public void Configure(EntityTypeBuilder<Hazard> hazard)
    {
        hazard.HasKey(h => h.Id);
        hazard.Property(h => h.VenueName).HasMaxLength(100);
        hazard.Property(h => h.VenueKind).HasConversion<string>().HasMaxLength(30);
        hazard.Property(h => h.GridCode).HasMaxLength(20);
        hazard.Property(h => h.Category).HasConversion<string>().HasMaxLength(20);
        hazard.Property(h => h.Summary).HasMaxLength(200);
        hazard.Property(h => h.Notes).HasMaxLength(500);
        hazard.Property(h => h.Severity).HasConversion<string>().HasMaxLength(10);
        hazard.Property(h => h.ResponsibleParty).HasMaxLength(100);
        hazard.Property(h => h.Status).HasConversion<string>().HasMaxLength(20);
        hazard.Property(h => h.Measures).HasMaxLength(500);
        hazard.Property(h => h.Timeline).HasJsonColumn();
        hazard.Property(h => h.UpdatedAt).IsConcurrencyToken();
        hazard.Ignore(h => h.IsOpen);
        hazard.HasIndex(h => new { h.GridCode, h.Status });
        hazard.HasIndex(h => h.VenueId);
        hazard.HasIndex(h => h.CampaignId);
        // The overdue check looks only at open hazards, by deadline.
        hazard.HasIndex(h => h.Deadline).HasFilter("status <> 'Closed'").HasDatabaseName("ix_hazards_open_deadline");
    }
}

internal sealed class PatrolPlanConfiguration : IEntityTypeConfiguration<PatrolPlan>
{
    public void Configure(EntityTypeBuilder<PatrolPlan> plan)
    {
        plan.HasKey(p => p.Id);
        plan.Property(p => p.GridCode).HasMaxLength(20);
        plan.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        plan.Property(p => p.CreatedBy).HasMaxLength(100);
        plan.HasIndex(p => p.GridCode);
    }
}

internal sealed class PatrolConfiguration : IEntityTypeConfiguration<Patrol>
{
    public void Configure(EntityTypeBuilder<Patrol> patrol)
    {
        patrol.HasKey(p => p.Id);
        patrol.Property(p => p.GridCode).HasMaxLength(20);
        patrol.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        patrol.Property(p => p.Route).HasMaxLength(300);
        patrol.Property(p => p.Findings).HasMaxLength(1000);
        patrol.Property(p => p.RecordedBy).HasMaxLength(100);
        patrol.HasIndex(p => new { p.GridCode, p.Kind, p.PatrolledAt });
    }
}

internal sealed class QuotaJudgementConfiguration : IEntityTypeConfiguration<QuotaJudgement>
{
    public void Configure(EntityTypeBuilder<QuotaJudgement> judgement)
    {
        judgement.HasKey(j => new { j.PlanId, j.Month });
        judgement.Property(j => j.Month).HasMaxLength(7);
    }
}

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> campaign)
    {
        campaign.HasKey(c => c.Id);
        campaign.Property(c => c.Name).HasMaxLength(100);
        campaign.Property(c => c.Description).HasMaxLength(1000);
        campaign.Property(c => c.TemplateCode).HasMaxLength(40);
        campaign.Property(c => c.CreatedBy).HasMaxLength(100);
    }
}

internal sealed class InspectionTaskConfiguration : IEntityTypeConfiguration<InspectionTask>
{
    public void Configure(EntityTypeBuilder<InspectionTask> task)
    {
        task.HasKey(t => t.Id);
        task.Property(t => t.GridCode).HasMaxLength(20);
        task.Property(t => t.Location).HasMaxLength(200);
        task.Property(t => t.Status).HasConversion<string>().HasMaxLength(10);
        task.Property(t => t.Outcome).HasMaxLength(500);
        task.Property(t => t.DoneBy).HasMaxLength(100);
        task.HasIndex(t => t.MatterId).IsUnique();
        task.HasIndex(t => new { t.GridCode, t.Status });
    }
}
