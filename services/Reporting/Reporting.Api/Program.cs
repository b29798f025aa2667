using CommunityPlatform.Reporting.Apis;
using CommunityPlatform.Reporting.Extensions;
using CommunityPlatform.ServiceKit.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseServiceApi();
app.MapHalfYearReportsApi();
app.MapStatisticsApi();
app.Run();
