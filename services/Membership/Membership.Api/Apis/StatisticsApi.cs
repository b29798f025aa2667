using CommunityPlatform.Membership.Domain;
using CommunityPlatform.Membership.Extensions;
using CommunityPlatform.Membership.Infrastructure;
using CommunityPlatform.ServiceKit.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.Membership.Apis;

/// <summary>
/// The figures a half-year work report needs. The register (members, committees, reserve cadres) is described as
/// it stands, with ages on the period's last day; activity (meetings, development, rectification) is counted
/// within the period.
/// </summary>
public static class StatisticsApi
{
    public static IEndpointRouteBuilder MapStatisticsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/membership/statistics", GetStatistics)
            .WithTags("Statistics")
            .WithSummary("Members by education, age cohort, organisation and status; committees; meetings and attendance; development; reserve cadres; rectification")
            .RequireAuthorization(MembershipPolicies.ReadStatistics);
        return app;
    }

    public static async Task<Ok<MembershipStatistics>> GetStatistics(MembershipDbContext db, TimeProvider time, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var today = CommunityTime.Today(time);
        var period = ReportingPeriod.Of(from, to, time);
        var (start, end) = (period.From, period.To);

        var register = await db.Members.AsNoTracking()
            .Select(m => new { m.Id, m.Status, m.Education, m.BirthDate, m.Gender, m.OrganisationCode })
            .ToListAsync(cancellationToken);
        var active = register.Where(m => Member.ActiveStatuses.Contains(m.Status)).ToList();
        var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Code).ToListAsync(cancellationToken);

        var members = new MemberFigures(
            active.Count,
            active.Count(m => m.Status == MemberStatus.Full),
            active.Count(m => m.Status == MemberStatus.Probationary),
            active.Count(m => AgeCohorts.AtLeastCollege(m.Education)),
            Enum.GetValues<Education>().ToDictionary(e => e, e => active.Count(m => m.Education == e)),
            Enum.GetValues<AgeCohort>().ToDictionary(c => c, c => active.Count(m => AgeCohorts.Includes(c, m.BirthDate, end))),
            Enum.GetValues<Gender>().ToDictionary(g => g, g => active.Count(m => m.Gender == g)),
            Enum.GetValues<MemberStatus>().ToDictionary(s => s, s => register.Count(m => m.Status == s)),
            organisations.Select(o => new OrganisationCount(o.Code, o.Name, active.Count(m => m.OrganisationCode == o.Code))).ToList());

        var posts = await db.CommitteePosts.AsNoTracking().Where(CommitteePost.HeldOn(end)).ToListAsync(cancellationToken);
        var byId = register.ToDictionary(m => m.Id);
        var committees = posts.GroupBy(p => p.OrganisationCode).OrderBy(g => g.Key).Select(g => new CommitteeFigures(
            g.Key,
            g.Count(),
            g.Count(p => AgeCohorts.AtLeastCollege(byId[p.MemberId].Education)),
            g.Count(p => AgeCohorts.Age(byId[p.MemberId].BirthDate, end) < 35),
            g.Count(p => byId[p.MemberId].Gender == Gender.Female))).ToList();

        var held = await Meeting.HeldWithin(db.Meetings.AsNoTracking().Include(m => m.Attendance), period).ToListAsync(cancellationToken);
        var meetings = new MeetingFigures(
            held.Count,
            Rate(held.SelectMany(m => m.Attendance)),
            Enum.GetValues<MeetingKind>().ToDictionary(k => k, k =>
            {
                var ofKind = held.Where(m => m.Kind == k).ToList();
                return new MeetingKindFigures(ofKind.Count, Rate(ofKind.SelectMany(m => m.Attendance)));
            }));

        var applicants = await db.Applicants.AsNoTracking().ToListAsync(cancellationToken);
        bool In(DateOnly? day) => period.Contains(day);
        var admitted = db.Applicants.Where(Applicant.AdmittedWithin(period));
        var development = new DevelopmentFigures(
            applicants.Count(a => In(a.AppliedOn)),
            applicants.Count(a => In(a.ActivistOn)),
            applicants.Count(a => In(a.CandidateOn)),
            await admitted.CountAsync(cancellationToken),
            await admitted.CountAsync(Applicant.AdmittedUnder35WithCollege, cancellationToken),
            applicants.Count(a => In(a.FullOn)),
            applicants.Where(a => a.InProgress).GroupBy(a => a.Stage).ToDictionary(g => g.Key, g => g.Count()));

        var cadres = await db.Members.Where(Member.IsReserveCadre).Select(m => m.BirthDate).ToListAsync(cancellationToken);
        var reserveCadres = new ReserveCadreFigures(cadres.Count, cadres.Count(born => AgeCohorts.Includes(AgeCohort.Under35, born, end)));

        var items = await db.RectificationItems.AsNoTracking().ToListAsync(cancellationToken);
        var rectification = new RectificationFigures(
            items.Count,
            items.Count(i => i.Status == RectificationStatus.Completed),
            items.Count(i => i.Status == RectificationStatus.Completed && In(i.CompletedOn)),
            items.Count(i => i.IsOverdue(today)),
            items.Count(i => i.CompletedLate));

        var points = await db.PointsEntries.AsNoTracking()
            .Where(e => e.AwardedAt >= period.Start && e.AwardedAt < period.End)
            .GroupBy(e => e.Reason).Select(g => new { g.Key, Total = g.Sum(e => e.Points) })
            .ToDictionaryAsync(g => g.Key, g => g.Total, cancellationToken);

        return TypedResults.Ok(new MembershipStatistics(start, end, members, committees, meetings, development, reserveCadres, rectification, points));
    }

    /// <summary>Share of attendance entries present or made up; null when there were none.</summary>
    private static decimal? Rate(IEnumerable<Attendance> attendance)
    {
        var entries = attendance.ToList();
        return Rates.Of(entries.Count(a => a.Status is AttendanceStatus.Present or AttendanceStatus.MadeUp), entries.Count);
    }
}

public sealed record MembershipStatistics(
    DateOnly From,
    DateOnly To,
    MemberFigures Members,
    IReadOnlyList<CommitteeFigures> Committees,
    MeetingFigures Meetings,
    DevelopmentFigures Development,
    ReserveCadreFigures ReserveCadres,
    RectificationFigures Rectification,
    IReadOnlyDictionary<PointsReason, decimal> PointsAwarded);

/// <summary>Active members (full and probationary); <see cref="ByStatus"/> also counts the inactive register.</summary>
public sealed record MemberFigures(
    int Total,
    int Full,
    int Probationary,
    int CollegeOrAbove,
    IReadOnlyDictionary<Education, int> ByEducation,
    IReadOnlyDictionary<AgeCohort, int> ByAgeCohort,
    IReadOnlyDictionary<Gender, int> ByGender,
    IReadOnlyDictionary<MemberStatus, int> ByStatus,
    IReadOnlyList<OrganisationCount> ByOrganisation);

public sealed record OrganisationCount(string Code, string Name, int Members);

public sealed record CommitteeFigures(string OrganisationCode, int Members, int CollegeOrAbove, int Under35, int Women);

public sealed record MeetingFigures(int Held, decimal? AttendanceRate, IReadOnlyDictionary<MeetingKind, MeetingKindFigures> ByKind);

public sealed record MeetingKindFigures(int Held, decimal? AttendanceRate);

public sealed record DevelopmentFigures(
    int Applications,
    int ActivistsAccepted,
    int CandidatesConfirmed,
    int Admitted,
    int AdmittedUnder35WithCollege,
    int MadeFull,
    IReadOnlyDictionary<PipelineStage, int> InPipeline);

public sealed record ReserveCadreFigures(int Total, int Under35);

/// <summary><see cref="CompletedLate"/> counts, among all completed items, those completed after their deadline (逾期完成).</summary>
public sealed record RectificationFigures(int Total, int Completed, int CompletedInPeriod, int Overdue, int CompletedLate);
