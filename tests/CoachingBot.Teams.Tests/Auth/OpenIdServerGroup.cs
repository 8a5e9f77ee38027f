namespace CoachingBot.Teams.Tests.Auth;

/// <summary>Shares one <see cref="OpenIdServerFixture"/> (and its slow-to-make RSA keys) across the test classes that need it.</summary>
[CollectionDefinition(Name)]
public sealed class OpenIdServerGroup : ICollectionFixture<OpenIdServerFixture>
{
    public const string Name = "OpenID server";
}
