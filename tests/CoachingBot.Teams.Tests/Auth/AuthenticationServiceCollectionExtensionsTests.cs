using CoachingBot.Teams.Auth;
using CoachingBot.Teams.Connector;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoachingBot.Teams.Tests.Auth;

public sealed class AuthenticationServiceCollectionExtensionsTests
{
    private const string AppId = "5f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2031, 5, 6, 7, 8, 9, TimeSpan.Zero));

    [Theory]
    [InlineData(null, null, typeof(NoAuthTokenProvider))]
    [InlineData(AppId, "MultiTenant", typeof(MsalTokenProvider))]
    [InlineData(AppId, "SingleTenant", typeof(MsalTokenProvider))]
    [InlineData(AppId, "UserAssignedMSI", typeof(ManagedIdentityTokenProvider))]
    [InlineData("", "UserAssignedMSI", typeof(NoAuthTokenProvider))]
    public void AddBotAuthentication_ChoosesTokenProvider_ByAppType(string? appId, string? appType, Type expected)
    {
        using var provider = AuthTestHost.Build(new Dictionary<string, string?>
        {
            ["AppId"] = appId,
            ["AppType"] = appType,
            ["AppPassword"] = "s3cret",
            ["TenantId"] = "72f988bf-86f1-41af-91ab-2d7cd011db47",
            ["ManagedIdentityClientId"] = "8d7c6b5a-0000-4000-8000-000000000000",
        }, _clock);

        Assert.IsType(expected, provider.GetRequiredService<IAccessTokenProvider>());
        Assert.Same(provider.GetRequiredService<IAccessTokenProvider>(), provider.GetRequiredService<IAccessTokenProvider>());
    }

    [Fact]
    public void AddBotAuthentication_RegistersOneAuthenticator_BoundToTheBotSection()
    {
        using var provider = AuthTestHost.Build(new Dictionary<string, string?> { ["AppId"] = AppId, ["AppPassword"] = "s3cret" }, _clock);

        var authenticator = provider.GetRequiredService<IRequestAuthenticator>();

        Assert.IsType<BotFrameworkAuthenticator>(authenticator);
        Assert.Same(authenticator, provider.GetRequiredService<IRequestAuthenticator>());
        Assert.False(authenticator.IsDisabled);
        Assert.Equal(AppId, provider.GetRequiredService<IOptions<BotOptions>>().Value.AppId);
    }

    [Fact]
    public void AddBotAuthentication_KeepsTheCallersTimeProvider_WhenOneIsRegistered()
    {
        using var provider = AuthTestHost.Build(new Dictionary<string, string?>(), _clock);

        Assert.Same(_clock, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AddBotAuthentication_UsesTheSystemClock_WhenNoneIsRegistered()
    {
        using var provider = new ServiceCollection().AddBotAuthentication().BuildServiceProvider();

        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void StartupValidation_Fails_NamingTheKey_WhenSingleTenantHasNoTenant()
    {
        using var provider = AuthTestHost.Build(new Dictionary<string, string?>
        {
            ["AppId"] = AppId,
            ["AppPassword"] = "s3cret",
            ["AppType"] = "SingleTenant",
        }, _clock);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Bot:TenantId is required when Bot:AppType is SingleTenant.", error.Failures);
    }

    [Fact]
    public void StartupValidation_Fails_NamingTheKey_WhenAppTypeIsUnknown()
    {
        using var provider = AuthTestHost.Build(new Dictionary<string, string?> { ["AppType"] = "SortOfTenant" }, _clock);

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Bot:AppType", error.Message, StringComparison.Ordinal);
    }
}
