using CommunityPlatform.Contracts;

namespace CommunityPlatform.Messaging.Tests.Ledger;

/// <summary>A test-only event that no service subscribes to, so no queue would ever receive it.</summary>
public sealed record NoticeWithoutSubscribers : IntegrationEvent;
