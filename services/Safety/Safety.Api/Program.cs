using CommunityPlatform.Safety.Apis;
using CommunityPlatform.Safety.Extensions;
using CommunityPlatform.ServiceKit.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseServiceApi();
app.MapVenuesApi();
app.Run();
