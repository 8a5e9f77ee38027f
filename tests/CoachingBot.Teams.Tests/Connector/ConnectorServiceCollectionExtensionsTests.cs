using System.Net;
using CoachingBot.Teams.Connector;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CoachingBot.Teams.Tests.Connector;

public sealed class ConnectorServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddBotConnector_UsesNamedClientBoundOptionsAndRegisteredClock_WhenResolved()
    {
        using var handler = new RecordingHttpHandler();
        handler.Always(HttpStatusCode.ServiceUnavailable);
        var time = new FakeTimeProvider(ConnectorHarness.Start, holdFrom: TimeSpan.FromHours(1));
        var services = Services(new()
        {
            ["Bot:Connector:MaxRetryAttempts"] = "2",
            ["Bot:Connector:RetryBaseDelay"] = "00:00:03",
            ["Bot:Connector:AttemptTimeout"] = "01:00:00", // the fake clock holds timers of an hour: only backoff fires on its own
            ["Bot:Connector:EnablePerConversationRateLimit"] = "false",
        });
        services.AddSingleton<TimeProvider>(time);
        services.AddBotConnector();
        services.AddHttpClient(ConnectorClientFactory.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => handler);
        await using var provider = services.BuildServiceProvider();

        var factory = provider.GetRequiredService<IConnectorClientFactory>();
        var result = await factory.Create("https://smba.trafficmanager.net/amer/").SendToConversationAsync("a:1", ConnectorHarness.Message("hi"));

        Assert.IsType<ConnectorClientFactory>(factory);
        Assert.Same(factory, provider.GetRequiredService<IConnectorClientFactory>());
        Assert.Equal(ConnectorOutcome.Failed, result.Outcome);
        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(2, time.Waits.Count);
        var options = provider.GetRequiredService<IOptions<ConnectorOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(3), options.RetryBaseDelay);
        Assert.Equal(TimeSpan.FromHours(1), options.AttemptTimeout);
        Assert.False(options.EnablePerConversationRateLimit);
        Assert.Equal(TimeSpan.FromSeconds(60), options.MaxRetryAfter);
    }

    [Fact]
    public async Task AddBotConnector_RegistersSystemClockAndNoTokenProvider_WhenNothingElseIs()
    {
        var services = Services([]);
        services.AddBotConnector();
        await using var provider = services.BuildServiceProvider();

        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.Null(provider.GetService<IAccessTokenProvider>());
        Assert.NotNull(provider.GetRequiredService<IConnectorClientFactory>());
        var httpClient = provider.GetRequiredService<IHttpClientFactory>().CreateClient(ConnectorClientFactory.HttpClientName);
        Assert.Equal(Timeout.InfiniteTimeSpan, httpClient.Timeout);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AddBotConnector_UsesRegisteredTokenProvider_WhetherRegisteredBeforeOrAfter(bool tokenProviderFirst)
    {
        using var handler = new RecordingHttpHandler();
        handler.Always(HttpStatusCode.OK, "{}");
        var services = Services([]);
        if (tokenProviderFirst)
        {
            services.AddSingleton<IAccessTokenProvider>(new FakeAccessTokenProvider("registered"));
            services.AddBotConnector();
        }
        else
        {
            services.AddBotConnector();
            services.AddSingleton<IAccessTokenProvider>(new FakeAccessTokenProvider("registered"));
        }

        services.AddHttpClient(ConnectorClientFactory.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => handler);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IConnectorClientFactory>().Create("https://smba.trafficmanager.net/amer/")
            .SendToConversationAsync("a:1", ConnectorHarness.Message("hi"));

        Assert.Equal("Bearer registered", Assert.Single(handler.Requests).Authorization);
    }

    [Theory]
    [InlineData("MaxRetryAttempts", "-1")]
    [InlineData("MaxRetryAttempts", "11")]
    [InlineData("AttemptTimeout", "00:00:00")]
    [InlineData("MaxRetryAfter", "-00:00:01")]
    [InlineData("RetryBaseDelay", "2.00:00:00")]
    [InlineData("RateLimitQueueLimit", "-1")]
    public async Task AddBotConnector_FailsOptionsValidationNamingTheSetting_WhenConfigurationIsOutOfRange(string key, string value)
    {
        var services = Services(new() { ["Bot:Connector:" + key] = value });
        services.AddBotConnector();
        await using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ConnectorOptions>>().Value);

        Assert.Contains("Bot:Connector:" + key, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddBotConnector_FailsHostStart_WhenOptionsAreInvalid()
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Bot:Connector:MaxRetryAttempts"] = "-1" });
        builder.Services.AddBotConnector();
        using var host = builder.Build();

        await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }

    private static ServiceCollection Services(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services;
    }
}
