using CommunityPlatform.Membership.Domain;
using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.ServiceKit.Web;

namespace CommunityPlatform.Membership.Apis;

/// <summary>The labels the membership service's clients choose from (GET /api/membership/labels).</summary>
internal static class MembershipLabels
{
    public static readonly LabelCatalogue Catalogue = new LabelCatalogue()
        .Add("meetingKind", MeetingKindLabels.All)
        .Add("meetingStatus", MeetingStatusLabels.All)
        .Add("attendanceStatus", AttendanceStatusLabels.All)
        .Add("memberStatus", MemberStatusLabels.All)
        .Add("education", EducationLabels.All)
        .Add("ageCohort", AgeCohorts.Labels)
        .Add("gender", GenderLabels.All)
        // The register's filters also take a group for several values (status=Active, education=CollegeOrAbove).
        .Add("memberStatusFilter", [(MemberFilter.ActiveGroup.Code, MemberFilter.ActiveGroup.Label), .. Pairs(MemberStatusLabels.All)])
        .Add("educationFilter", [.. Pairs(EducationLabels.All), (MemberFilter.CollegeOrAboveGroup.Code, MemberFilter.CollegeOrAboveGroup.Label)]);

    private static IEnumerable<(string, string)> Pairs<TEnum>(IReadOnlyDictionary<TEnum, string> labels)
        where TEnum : struct, Enum => labels.Select(kv => (kv.Key.ToString(), kv.Value));
}
