using CommunityPlatform.Messaging;
using CommunityPlatform.Reporting.Infrastructure;
using CommunityPlatform.ServiceDefaults;
using CommunityPlatform.ServiceKit.Http;
using CommunityPlatform.ServiceKit.Persistence;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.ServiceKit.Web;

namespace CommunityPlatform.Reporting.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceApi();
        builder.AddServiceAuthentication(policies => policies.AddReportingPolicies());
        builder.AddServiceDatabase<ReportingDbContext>(ResourceNames.ReportingDb);
        builder.AddPlatformMessaging<ReportingDbContext>(BusNames.Reporting);
        builder.Services.AddIdempotency<ReportingDbContext>();
        builder.Services.AddOptions<ReportingOptions>().BindConfiguration("Reporting")
            .Validate(options => !string.IsNullOrWhiteSpace(options.CommunityName), "Reporting:CommunityName must name the community.")
            .ValidateOnStart();
        // Statistics are read at request time; a slow service should fail the report quickly rather than hold it.
        builder.Services.AddServiceClient<ServiceStatistics>(ServiceStatistics.ClientName, TimeSpan.FromSeconds(30));
        builder.Services.AddScoped<LiveReports>();
    }
}
