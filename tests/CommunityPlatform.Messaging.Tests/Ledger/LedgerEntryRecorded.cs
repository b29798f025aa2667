using CommunityPlatform.Contracts;

namespace CommunityPlatform.Messaging.Tests.Ledger;

/// <summary>A test-only event whose consumer records one effect row per application.</summary>
public sealed record LedgerEntryRecorded : IntegrationEvent
{
    public required Guid EntryId { get; init; }

    /// <summary>The consumer always fails on a poison entry.</summary>
    public bool Poison { get; init; }
}
