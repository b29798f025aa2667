using CommunityPlatform.Membership.Apis;
using CommunityPlatform.Membership.Extensions;
using CommunityPlatform.ServiceKit.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseServiceApi();
app.MapOrganisationsApi();
app.MapMembersApi();
app.MapPipelineApi();
app.MapMeetingsApi();
app.MapCommitmentsApi();
app.MapServicePostsApi();
app.MapTalksApi();
app.MapRectificationsApi();
app.MapStatisticsApi();
app.MapLabelsApi("membership", MembershipLabels.Catalogue);
app.Run();
