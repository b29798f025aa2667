using CommunityPlatform.ServiceKit.Web;
using CommunityPlatform.Volunteer.Apis;
using CommunityPlatform.Volunteer.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseServiceApi();
app.MapVolunteersApi();
app.MapMeApi();
app.MapTeamsApi();
app.MapActivitiesApi();
app.MapLateRecordsApi();
app.MapServiceRecordsApi();
app.MapStatisticsApi();
app.MapLabelsApi("volunteer", VolunteerLabels.Catalogue);
app.Run();
