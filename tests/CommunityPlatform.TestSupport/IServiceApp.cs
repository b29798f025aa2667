namespace CommunityPlatform.TestSupport;

/// <summary>A service under test, whatever its entry point: its container and its clients.</summary>
public interface IServiceApp
{
    IServiceProvider Services { get; }

    HttpClient CreateAnonymousClient();

    HttpClient CreateClientAs(string role, params string[] grids);
}
