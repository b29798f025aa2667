using CommunityPlatform.Identity.Apis;
using CommunityPlatform.Identity.Extensions;
using CommunityPlatform.ServiceKit.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseServiceApi();
app.UseAntiforgery();
app.MapConnectApi();
app.MapAccountApi();
app.MapAuditApi();
app.MapUsersApi();
app.MapGridWorkersApi();
app.Run();
