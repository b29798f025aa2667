namespace CommunityPlatform.LocalServers;

/// <summary>How to start one server process: what the AppHost turns into an executable resource and tests start directly.</summary>
public sealed record ServerCommand(string FileName, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Environment);

/// <summary>A server binary this machine lacks; the message names the package to install.</summary>
public sealed class MissingServerException(string message) : Exception(message);
