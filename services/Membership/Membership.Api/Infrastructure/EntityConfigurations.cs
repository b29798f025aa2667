using CommunityPlatform.Membership.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPlatform.Membership.Infrastructure;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> organisation)
    {
        organisation.HasKey(o => o.Id);
        organisation.HasIndex(o => o.Code).IsUnique();
        organisation.Property(o => o.Code).HasMaxLength(Organisation.CodeMaxLength);
        organisation.Property(o => o.Name).HasMaxLength(Organisation.NameMaxLength);
        organisation.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
        organisation.Property(o => o.ParentCode).HasMaxLength(Organisation.CodeMaxLength);
        organisation.HasOne<Organisation>().WithMany().HasForeignKey(o => o.ParentCode).HasPrincipalKey(o => o.Code).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OrganisationMoveConfiguration : IEntityTypeConfiguration<OrganisationMove>
{
    public void Configure(EntityTypeBuilder<OrganisationMove> move)
    {
        move.HasKey(m => m.Id);
        move.HasIndex(m => m.MemberId);
        move.Property(m => m.FromCode).HasMaxLength(Organisation.CodeMaxLength);
        move.Property(m => m.ToCode).HasMaxLength(Organisation.CodeMaxLength);
        move.Property(m => m.Reason).HasMaxLength(200);
    }
}

internal sealed class CommitteePostConfiguration : IEntityTypeConfiguration<CommitteePost>
{
    public void Configure(EntityTypeBuilder<CommitteePost> post)
    {
        post.HasKey(p => p.Id);
        post.HasIndex(p => new { p.OrganisationCode, p.EndOn });
        post.HasIndex(p => p.MemberId);
        post.Property(p => p.OrganisationCode).HasMaxLength(Organisation.CodeMaxLength);
        post.Property(p => p.Post).HasConversion<string>().HasMaxLength(30);
    }
}

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> member)
    {
        member.HasKey(m => m.Id);
        member.Property(m => m.Name).HasMaxLength(PersonalDetails.NameMaxLength);
        // Prefix search on Chinese names (张, 张丽…) uses the index through LIKE 'x%'.
        member.HasIndex(m => m.Name).HasOperators("varchar_pattern_ops");
        member.Property(m => m.Gender).HasConversion<string>().HasMaxLength(10);
        member.Property(m => m.Education).HasConversion<string>().HasMaxLength(20);
        member.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        member.Property(m => m.Phone).HasMaxLength(20);
        member.Property(m => m.OrganisationCode).HasMaxLength(Member.CodeMaxLength);
        member.Property(m => m.GridCode).HasMaxLength(Member.CodeMaxLength);
        member.Property(m => m.TransferredTo).HasMaxLength(200);
        member.Property(m => m.ReserveCadrePost).HasMaxLength(100);
        member.HasIndex(m => m.OrganisationCode);
        member.HasIndex(m => m.GridCode);
        member.HasIndex(m => m.BirthDate);
        member.Ignore(m => m.IsActive);
    }
}

internal sealed class ApplicantConfiguration : IEntityTypeConfiguration<Applicant>
{
    public void Configure(EntityTypeBuilder<Applicant> applicant)
    {
        applicant.HasKey(a => a.Id);
        applicant.Property(a => a.Name).HasMaxLength(PersonalDetails.NameMaxLength);
        applicant.Property(a => a.Gender).HasConversion<string>().HasMaxLength(10);
        applicant.Property(a => a.Education).HasConversion<string>().HasMaxLength(20);
        applicant.Property(a => a.Phone).HasMaxLength(20);
        applicant.Property(a => a.GridCode).HasMaxLength(PersonalDetails.GridCodeMaxLength);
        applicant.Property(a => a.OrganisationCode).HasMaxLength(Organisation.CodeMaxLength);
        applicant.Property(a => a.Stage).HasConversion<string>().HasMaxLength(20);
        applicant.Property(a => a.CancellationReason).HasMaxLength(500);
        applicant.HasIndex(a => a.Stage);
        applicant.HasIndex(a => a.MemberId).IsUnique();
        applicant.Ignore(a => a.InProgress);
    }
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> meeting)
    {
        meeting.HasKey(m => m.Id);
        meeting.Property(m => m.OrganisationCode).HasMaxLength(Organisation.CodeMaxLength);
        meeting.Property(m => m.Kind).HasConversion<string>().HasMaxLength(30);
        meeting.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        meeting.Property(m => m.Title).HasMaxLength(Meeting.TitleMaxLength);
        meeting.Property(m => m.Topic).HasMaxLength(Meeting.TitleMaxLength);
        meeting.Property(m => m.Minutes).HasMaxLength(Meeting.MinutesMaxLength);
        meeting.Property(m => m.Location).HasMaxLength(200);
        meeting.Property(m => m.CancellationReason).HasMaxLength(200);
        meeting.Property(m => m.UpdatedAt).IsConcurrencyToken();
        meeting.HasIndex(m => new { m.OrganisationCode, m.StartsAt });
        meeting.HasIndex(m => m.SeriesId);
        meeting.HasIndex(m => new { m.Status, m.HeldOn });
        meeting.HasMany(m => m.Attendance).WithOne().HasForeignKey(a => a.MeetingId);
        meeting.Navigation(m => m.Attendance).HasField("_attendance");
    }
}

internal sealed class AttendanceConfiguration : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> attendance)
    {
        attendance.ToTable("attendance");
        attendance.HasKey(a => new { a.MeetingId, a.MemberId });
        attendance.HasIndex(a => a.MemberId);
        attendance.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        attendance.Property(a => a.Reason).HasMaxLength(200);
        attendance.Property(a => a.MakeUpNote).HasMaxLength(500);
    }
}

internal sealed class MeetingSeriesConfiguration : IEntityTypeConfiguration<MeetingSeries>
{
    public void Configure(EntityTypeBuilder<MeetingSeries> series)
    {
        series.ToTable("meeting_series");
        series.HasKey(s => s.Id);
        series.Property(s => s.OrganisationCode).HasMaxLength(Organisation.CodeMaxLength);
        series.Property(s => s.Kind).HasConversion<string>().HasMaxLength(30);
        series.Property(s => s.Frequency).HasConversion<string>().HasMaxLength(20);
        series.Property(s => s.Title).HasMaxLength(Meeting.TitleMaxLength);
    }
}

internal sealed class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> commitment)
    {
        commitment.HasKey(c => c.Id);
        commitment.HasIndex(c => new { c.MemberId, c.Year });
        commitment.HasMany(c => c.Items).WithOne().HasForeignKey(i => i.CommitmentId);
        commitment.Navigation(c => c.Items).HasField("_items");
    }
}

internal sealed class CommitmentItemConfiguration : IEntityTypeConfiguration<CommitmentItem>
{
    public void Configure(EntityTypeBuilder<CommitmentItem> item)
    {
        item.HasKey(i => new { i.CommitmentId, i.Number });
        item.Property(i => i.Content).HasMaxLength(500);
        item.Property(i => i.FulfilmentNote).HasMaxLength(1000);
    }
}

internal sealed class ServicePostConfiguration : IEntityTypeConfiguration<ServicePost>
{
    public void Configure(EntityTypeBuilder<ServicePost> post)
    {
        post.HasKey(p => p.Id);
        post.Property(p => p.Name).HasMaxLength(100);
        post.Property(p => p.Duties).HasMaxLength(1000);
        post.Property(p => p.OrganisationCode).HasMaxLength(Organisation.CodeMaxLength);
    }
}

internal sealed class ServicePostClaimConfiguration : IEntityTypeConfiguration<ServicePostClaim>
{
    public void Configure(EntityTypeBuilder<ServicePostClaim> claim)
    {
        claim.HasKey(c => c.Id);
        claim.HasIndex(c => c.MemberId);
        // One open claim per member and post, whatever two concurrent requests do.
        claim.HasIndex(c => new { c.PostId, c.MemberId }).IsUnique().HasFilter("released_on IS NULL").HasDatabaseName("ix_service_post_claims_open");
    }
}

internal sealed class ServicePostReportConfiguration : IEntityTypeConfiguration<ServicePostReport>
{
    public void Configure(EntityTypeBuilder<ServicePostReport> report)
    {
        report.HasKey(r => r.Id);
        report.HasIndex(r => new { r.PostId, r.ReportedOn });
        report.Property(r => r.Content).HasMaxLength(4000);
    }
}

internal sealed class TalkConfiguration : IEntityTypeConfiguration<Talk>
{
    public void Configure(EntityTypeBuilder<Talk> talk)
    {
        talk.HasKey(t => t.Id);
        talk.HasIndex(t => t.HeldOn);
        talk.Property(t => t.Topic).HasMaxLength(200);
        talk.Property(t => t.Content).HasMaxLength(10_000);
        talk.Property(t => t.RecordedBy).HasMaxLength(200);
    }
}

internal sealed class RectificationItemConfiguration : IEntityTypeConfiguration<RectificationItem>
{
    public void Configure(EntityTypeBuilder<RectificationItem> item)
    {
        item.HasKey(i => i.Id);
        item.HasIndex(i => new { i.Status, i.Deadline });
        item.Property(i => i.Source).HasMaxLength(200);
        item.Property(i => i.Category).HasMaxLength(100);
        item.Property(i => i.Finding).HasMaxLength(2000);
        item.Property(i => i.Owner).HasMaxLength(100);
        item.Property(i => i.Measures).HasMaxLength(4000);
        item.Property(i => i.Progress).HasMaxLength(2000);
        item.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class PointsEntryConfiguration : IEntityTypeConfiguration<PointsEntry>
{
    public void Configure(EntityTypeBuilder<PointsEntry> entry)
    {
        entry.HasKey(e => e.Id);
        entry.HasIndex(e => new { e.MemberId, e.Source }).IsUnique();
        entry.Property(e => e.Points).HasPrecision(9, 2);
        entry.Property(e => e.Reason).HasConversion<string>().HasMaxLength(30);
        entry.Property(e => e.Source).HasMaxLength(100);
    }
}
