using CommunityPlatform.Safety.Apis;
using CommunityPlatform.Safety.Extensions;
using CommunityPlatform.ServiceKit.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseServiceApi();
app.MapVenuesApi();
app.MapChecklistsApi();
app.MapInspectionsApi();
app.MapHazardsApi();
app.MapPatrolsApi();
app.MapCampaignsApi();
app.MapInspectionTasksApi();
app.MapStatisticsApi();
app.MapLabelsApi("safety", SafetyLabels.Catalogue);
app.Run();
