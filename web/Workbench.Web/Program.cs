using CommunityPlatform.Workbench.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapWorkbench();
app.Run();

/// <summary>The workbench host's entry point, public for its tests.</summary>
public partial class Program;
