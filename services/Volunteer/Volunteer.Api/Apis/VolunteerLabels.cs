using CommunityPlatform.ServiceKit.Web;
using CommunityPlatform.Volunteer.Domain;

namespace CommunityPlatform.Volunteer.Apis;

/// <summary>The labels the volunteer service's clients choose from (GET /api/volunteer/labels).</summary>
internal static class VolunteerLabels
{
    public static readonly LabelCatalogue Catalogue = new LabelCatalogue()
        .Add("activityKind", ActivityKinds.All)
        .Add("activityStatus", ActivityStatuses.All)
        .Add("signupStatus", SignupStatuses.All)
        .Add("serviceRecordStatus", ServiceRecordStatuses.All);
}
