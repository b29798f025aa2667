using CommunityPlatform.Membership.Apis;
using CommunityPlatform.Membership.Extensions;
using CommunityPlatform.ServiceKit.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseServiceApi();
app.MapMembersApi();
app.Run();
