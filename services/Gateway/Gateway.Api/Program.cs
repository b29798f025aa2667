using CommunityPlatform.Gateway.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGateway();
builder.AddGatewayProtection();
builder.AddGatewaySignIn();

var app = builder.Build();
app.UseGatewayProtection();
app.UseGatewaySignIn();
app.MapDefaultEndpoints();
app.MapReverseProxy();
app.MapUnknownServicePaths();
app.Run();

/// <summary>The gateway's entry point, public for its functional tests.</summary>
public partial class Program;
