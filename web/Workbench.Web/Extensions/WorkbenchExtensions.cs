namespace CommunityPlatform.Workbench.Extensions;

internal static class WorkbenchExtensions
{
    /// <summary>
    /// Serves the workbench: its static files (compressed and fingerprinted by the build) and, for any other path
    /// a person may bookmark (<c>/matters</c>, <c>/inspections/…</c>), the page that starts it. The browser reaches
    /// this host only through the gateway, so the workbench and the APIs share one origin and one session cookie.
    /// </summary>
    public static void MapWorkbench(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            // The page must be asked for afresh so that a new release is picked up; its files revalidate by ETag.
            http.Response.Headers.CacheControl = "no-cache";
            await next();
        });
        app.MapStaticAssets();
        // Browsers ask for this whatever the page names as its icon.
        app.MapGet("/favicon.ico", () => TypedResults.Redirect("/favicon.svg", permanent: true));
        app.MapFallbackToFile("index.html");
    }
}
