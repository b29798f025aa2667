using CommunityPlatform.Volunteer.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPlatform.Volunteer.Infrastructure;

internal sealed class VolunteerProfileConfiguration : IEntityTypeConfiguration<VolunteerProfile>
{
    public void Configure(EntityTypeBuilder<VolunteerProfile> volunteer)
    {
        volunteer.ToTable("volunteers");
        volunteer.HasKey(v => v.Id);
        volunteer.Property(v => v.GridCode).HasMaxLength(50);
        volunteer.Property(v => v.Source).HasConversion<string>().HasMaxLength(30);
        volunteer.Property(v => v.DisplayName).HasMaxLength(VolunteerProfile.NameMaxLength);
        volunteer.Property(v => v.Phone).HasMaxLength(20);
        volunteer.Property(v => v.AccountId).HasMaxLength(VolunteerProfile.AccountIdMaxLength);
        volunteer.HasIndex(v => v.MemberId).IsUnique();
        volunteer.HasIndex(v => v.GridCode);
        // One profile per sign-in account: self-service finds the volunteer by the caller's subject.
        volunteer.HasIndex(v => v.AccountId).IsUnique().HasFilter("account_id IS NOT NULL");
        volunteer.Ignore(v => v.Label);
    }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> team)
    {
        team.HasKey(t => t.Id);
        team.Property(t => t.Name).HasMaxLength(Team.NameMaxLength);
        team.Property(t => t.Focus).HasConversion<string>().HasMaxLength(30);
        team.Property(t => t.Description).HasMaxLength(500);
        team.Property(t => t.PartnerUnitName).HasMaxLength(100);
        team.Property(t => t.CreatedBy).HasMaxLength(100);
        team.HasIndex(t => t.Name).IsUnique();
        team.HasMany(t => t.Members).WithOne().HasForeignKey(m => m.TeamId);
        team.Navigation(t => t.Members).HasField("_members");
        team.Ignore(t => t.CurrentMembers);
    }
}

internal sealed class TeamMembershipConfiguration : IEntityTypeConfiguration<TeamMembership>
{
    public void Configure(EntityTypeBuilder<TeamMembership> membership)
    {
        membership.ToTable("team_members");
        membership.HasKey(m => m.Id);
        // The domain sets the id; a new row found through the team's members must be inserted, not updated.
        membership.Property(m => m.Id).ValueGeneratedNever();
        membership.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        membership.HasIndex(m => new { m.TeamId, m.VolunteerId }).IsUnique().HasFilter("left_at IS NULL");
        membership.HasIndex(m => m.VolunteerId);
        membership.HasOne<VolunteerProfile>().WithMany().HasForeignKey(m => m.VolunteerId);
    }
}

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> activity)
    {
        activity.HasKey(a => a.Id);
        activity.Property(a => a.Kind).HasConversion<string>().HasMaxLength(30);
        activity.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        activity.Property(a => a.Title).HasMaxLength(Activity.TitleMaxLength);
        activity.Property(a => a.Description).HasMaxLength(2000);
        activity.Property(a => a.GridCode).HasMaxLength(50);
        activity.Property(a => a.Place).HasMaxLength(200);
        activity.Property(a => a.CheckInCode).HasMaxLength(CheckInCodes.Length);
        activity.Property(a => a.CreatedBy).HasMaxLength(100);
        activity.Property(a => a.CancelReason).HasMaxLength(200);
        activity.Property(a => a.UpdatedAt).IsConcurrencyToken();
        activity.HasIndex(a => new { a.GridCode, a.StartsAt });
        activity.HasIndex(a => new { a.Status, a.StartsAt });
        activity.HasIndex(a => a.TeamId);
        activity.HasOne<Team>().WithMany().HasForeignKey(a => a.TeamId);
        activity.HasMany(a => a.Signups).WithOne().HasForeignKey(s => s.ActivityId);
        activity.Navigation(a => a.Signups).HasField("_signups");
        activity.Ignore(a => a.ConfirmedCount);
        activity.Ignore(a => a.Waitlist);
    }
}

internal sealed class SignupConfiguration : IEntityTypeConfiguration<Signup>
{
    public void Configure(EntityTypeBuilder<Signup> signup)
    {
        signup.HasKey(s => s.Id);
        signup.Property(s => s.Id).ValueGeneratedNever();
        signup.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        signup.Property(s => s.CheckInMethod).HasConversion<string>().HasMaxLength(20);
        signup.Property(s => s.CheckedInBy).HasMaxLength(100);
        signup.Property(s => s.CheckedOutBy).HasMaxLength(100);
        // One row per volunteer and activity: withdrawing and signing up again reuses it.
        signup.HasIndex(s => new { s.ActivityId, s.VolunteerId }).IsUnique();
        // A volunteer's commitments, for the overlap rule and their history.
        signup.HasIndex(s => new { s.VolunteerId, s.Status });
        signup.HasOne<VolunteerProfile>().WithMany().HasForeignKey(s => s.VolunteerId);
        signup.Ignore(s => s.IsActive);
    }
}

internal sealed class ServiceRecordConfiguration : IEntityTypeConfiguration<ServiceRecord>
{
    public void Configure(EntityTypeBuilder<ServiceRecord> record)
    {
        record.HasKey(r => r.Id);
        record.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        record.Property(r => r.PresenceShare).HasPrecision(4, 3);
        record.Property(r => r.ComputedHours).HasPrecision(5, 2);
        record.Property(r => r.Hours).HasPrecision(5, 2);
        record.Property(r => r.RecordedBy).HasMaxLength(100);
        record.Property(r => r.RecordedByName).HasMaxLength(100);
        record.Property(r => r.ApprovedBy).HasMaxLength(100);
        record.Property(r => r.ApprovedByName).HasMaxLength(100);
        record.Property(r => r.AdjustmentReason).HasMaxLength(ServiceRecord.ReasonMaxLength);
        // One record per volunteer and activity, however often completion is retried.
        record.HasIndex(r => new { r.ActivityId, r.VolunteerId }).IsUnique();
        record.HasIndex(r => new { r.VolunteerId, r.ServedOn });
        record.HasOne<Activity>().WithMany().HasForeignKey(r => r.ActivityId);
        record.HasOne<VolunteerProfile>().WithMany().HasForeignKey(r => r.VolunteerId);
    }
}

internal sealed class PatrolObservationConfiguration : IEntityTypeConfiguration<PatrolObservation>
{
    public void Configure(EntityTypeBuilder<PatrolObservation> observation)
    {
        observation.ToTable("patrol_observations");
        observation.HasKey(o => o.Id);
        observation.Property(o => o.GridCode).HasMaxLength(50);
        observation.Property(o => o.Location).HasMaxLength(200);
        observation.Property(o => o.Description).HasMaxLength(PatrolObservation.DescriptionMaxLength);
        observation.Property(o => o.ReportedBy).HasMaxLength(100);
        observation.HasIndex(o => o.ActivityId);
        observation.HasOne<Activity>().WithMany().HasForeignKey(o => o.ActivityId);
    }
}

internal sealed class HoursCertificateConfiguration : IEntityTypeConfiguration<HoursCertificate>
{
    public void Configure(EntityTypeBuilder<HoursCertificate> certificate)
    {
        certificate.ToTable("hours_certificates");
        certificate.HasKey(c => c.Id);
        certificate.Property(c => c.Number).HasMaxLength(40);
        certificate.Property(c => c.TotalHours).HasPrecision(7, 2);
        certificate.Property(c => c.IssuedBy).HasMaxLength(100);
        certificate.Property(c => c.IssuedByName).HasMaxLength(100);
        certificate.HasIndex(c => c.Number).IsUnique();
        certificate.HasIndex(c => c.VolunteerId);
        certificate.HasOne<VolunteerProfile>().WithMany().HasForeignKey(c => c.VolunteerId);
    }
}
