using CommunityPlatform.Grid.Apis;
using CommunityPlatform.Grid.Extensions;
using CommunityPlatform.ServiceKit.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseServiceApi();
app.MapGridsApi();
app.MapPlacesApi();
app.MapCommunityApi();
app.MapMattersApi();
app.MapMicroWishesApi();
app.MapCareListApi();
app.MapStatisticsApi();
app.MapLabelsApi("grid", GridLabels.Catalogue);
app.Run();
