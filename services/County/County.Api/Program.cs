using CommunityPlatform.County.Apis;
using CommunityPlatform.County.Extensions;
using CommunityPlatform.ServiceKit.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseServiceApi();
app.MapCasesApi();
app.MapEventsApi();
app.MapServicesApi();
app.Run();
