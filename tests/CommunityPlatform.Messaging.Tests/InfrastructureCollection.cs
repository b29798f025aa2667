using CommunityPlatform.TestSupport;

namespace CommunityPlatform.Messaging.Tests;

/// <summary>One PostgreSQL server and one broker for every test here; the tests run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class InfrastructureCollection : ICollectionFixture<LocalInfrastructureFixture>
{
    public const string Name = "infrastructure";
}
