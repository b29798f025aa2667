using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text;
using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.Volunteer.Domain;
using CommunityPlatform.Volunteer.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.Volunteer.Apis;

/// <summary>A volunteer's service-hour history and the certificate of hours made from it, for the register and for the volunteer themselves.</summary>
internal static class VolunteerHistory
{
    public static Task<List<HistoryRow>> RowsAsync(
        VolunteerDbContext db, Guid volunteerId, DateOnly from, DateOnly to, bool creditedOnly, CancellationToken cancellationToken)
    {
        var records = db.ServiceRecords.AsNoTracking().Where(r => r.VolunteerId == volunteerId && r.ServedOn >= from && r.ServedOn <= to);
        if (creditedOnly)
        {
            records = records.Where(r => r.Status == ServiceRecordStatus.Approved && r.Hours > 0);
        }

        return (from r in records
                join a in db.Activities on r.ActivityId equals a.Id
                join t in db.Teams on a.TeamId equals t.Id
                orderby r.ServedOn, r.Id
                select new HistoryRow(
                    r.Id, a.Id, a.Title, a.Kind, t.Name, r.ServedOn, r.Hours, r.Status, r.RecordedByName ?? Actor.UnknownName, r.RecordedBy, r.RecordedAt,
                    r.ApprovedBy == null ? null : r.ApprovedByName ?? Actor.UnknownName, r.ApprovedBy, r.AdjustmentReason))
            .ToListAsync(cancellationToken);
    }

    public static async Task<HoursResponse> HoursAsync(
        VolunteerDbContext db, VolunteerProfile volunteer, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var (first, last) = Lookups.Range(from, to);
        var rows = await RowsAsync(db, volunteer.Id, first, last, creditedOnly: false, cancellationToken);
        return new HoursResponse(
            volunteer.Id, volunteer.Label, volunteer.MemberId, from, to,
            rows.Where(r => r.Status == ServiceRecordStatus.Approved).Sum(r => r.Hours),
            rows.Where(r => r.Status == ServiceRecordStatus.Pending).Sum(r => r.Hours),
            rows.Count, volunteer.NoShows, rows);
    }

    /// <summary>Issues a certificate for the period (the half year so far without dates) and renders it; the issue is kept with its number.</summary>
    public static async Task<ContentHttpResult> CertificateAsync(
        VolunteerDbContext db, VolunteerProfile volunteer, DateOnly? from, DateOnly? to, ClaimsPrincipal caller, TimeProvider time, VolunteerRules rules,
        CancellationToken cancellationToken)
    {
        var period = ReportingPeriod.Of(from, to, time);
        var rows = await RowsAsync(db, volunteer.Id, period.From, period.To, creditedOnly: true, cancellationToken);
        var certificate = HoursCertificate.Issue(volunteer.Id, period, [.. rows.Select(r => r.Hours)], caller.Actor(), time.GetUtcNow());
        db.Certificates.Add(certificate);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Content(Render(certificate, volunteer, rows, rules), "text/html; charset=utf-8");
    }

    /// <summary>A printable A4 page in Chinese; every value from the database is HTML-encoded.</summary>
    private static string Render(HoursCertificate certificate, VolunteerProfile volunteer, IReadOnlyList<HistoryRow> rows, VolunteerRules rules)
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        static string H(decimal hours) => hours.ToString("0.0#", CultureInfo.InvariantCulture);
        var who = volunteer.MemberId is { } memberId ? $"{E(volunteer.Label)}（党员编号 {memberId}）" : E(volunteer.Label);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <title>志愿服务记录证明 {{E(certificate.Number)}}</title>
            <style>
            @page { size: A4; margin: 2cm; }
            body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; color: #000; max-width: 17cm; margin: 2cm auto; line-height: 1.7; }
            h1 { text-align: center; letter-spacing: .4em; font-size: 22pt; }
            .meta { display: flex; justify-content: space-between; font-size: 10.5pt; }
            table { width: 100%; border-collapse: collapse; margin: 1em 0; font-size: 10.5pt; }
            th, td { border: 1px solid #000; padding: 4px 6px; text-align: left; }
            .hours { text-align: right; white-space: nowrap; }
            .note { font-size: 9pt; }
            .seal { margin-top: 3em; text-align: right; }
            @media print { body { margin: 0; } tr { page-break-inside: avoid; } }
            </style>
            </head>
            <body>
            <h1>志愿服务记录证明</h1>
            <p class="meta"><span>证明编号：{{E(certificate.Number)}}</span><span>开具日期：{{CommunityTime.DateOf(certificate.IssuedAt):yyyy年M月d日}}</span></p>
            <p>兹证明 <strong>{{who}}</strong> 于 {{certificate.From:yyyy年M月d日}} 至 {{certificate.To:yyyy年M月d日}} 期间参加志愿服务 {{rows.Count}} 次，累计志愿服务时长 <strong>{{H(certificate.TotalHours)}} 小时</strong>。明细如下：</p>
            <table>
            <thead><tr><th>日期</th><th>活动</th><th>服务队</th><th class="hours">时长（小时）</th><th>记录人</th></tr></thead>
            <tbody>

            """);
        foreach (var row in rows)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<tr><td>{row.ServedOn:yyyy-MM-dd}</td><td>{E(row.Activity)}（{E(ActivityKinds.All[row.Kind])}）</td><td>{E(row.Team)}</td><td class="hours">{H(row.Hours)}</td><td>{E(row.RecordedBy)}</td></tr>""");
            html.Append('\n');
        }

        html.Append(CultureInfo.InvariantCulture, $$"""
            </tbody>
            <tfoot><tr><th colspan="3">合计</th><th class="hours">{{H(certificate.TotalHours)}}</th><th></th></tr></tfoot>
            </table>
            <p class="note">依据《志愿服务记录与证明出具办法》：服务时长按签到、签退时间在活动时段内计算，在场不足活动时长 {{rules.MinimumPresenceShare * 100:0.#}}% 的不计时长，以 {{H(rules.HoursStep)}} 小时为单位计算、不足部分不计，并经活动组织者审核确认。</p>
            <p class="seal">出具单位（盖章）：____________________<br>经办人：{{E(certificate.IssuedByName ?? Actor.UnknownName)}}</p>
            </body>
            </html>

            """);
        return html.ToString();
    }
}

/// <summary>
/// One line of a volunteer's history: the activity, its team, the hours and who recorded and approved them — by name,
/// <see cref="Actor.UnknownName"/> on records made before names were kept; the account ids beside them.
/// </summary>
public sealed record HistoryRow(
    Guid RecordId, Guid ActivityId, string Activity, ActivityKind Kind, string Team, DateOnly ServedOn, decimal Hours, ServiceRecordStatus Status,
    string RecordedBy, string RecordedById, DateTimeOffset RecordedAt, string? ApprovedBy, string? ApprovedById, string? AdjustmentReason);

/// <summary>A volunteer's hours: approved and awaiting approval within the range (the whole history without dates), no-shows, the records.</summary>
public sealed record HoursResponse(
    Guid VolunteerId, string DisplayName, Guid? MemberId, DateOnly? From, DateOnly? To, decimal ApprovedHours, decimal PendingHours, int Records, int NoShows,
    IReadOnlyList<HistoryRow> History);
