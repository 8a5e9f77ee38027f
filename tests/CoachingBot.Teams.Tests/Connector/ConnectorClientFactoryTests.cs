using System.Net;
using CoachingBot.Teams.Connector;
using Microsoft.Extensions.Options;

namespace CoachingBot.Teams.Tests.Connector;

public sealed class ConnectorClientFactoryTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("smba.trafficmanager.net/amer")]
    [InlineData("/v3/conversations")]
    [InlineData("ftp://smba.trafficmanager.net/amer/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("mailto:bot@example.com")]
    [InlineData("https://")]
    public void Create_ThrowsArgumentException_WhenServiceUrlIsNotAbsoluteHttp(string serviceUrl)
    {
        using var setup = new FactorySetup();

        var exception = Assert.ThrowsAny<ArgumentException>(() => setup.Factory.Create(serviceUrl));

        Assert.Equal("serviceUrl", exception.ParamName);
    }

    [Fact]
    public void Create_ThrowsArgumentException_WhenServiceUrlIsNull()
    {
        using var setup = new FactorySetup();

        Assert.ThrowsAny<ArgumentException>(() => setup.Factory.Create(null!));
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("http://localhost:56150/_connector")]
    [InlineData("HTTPS://SMBA.trafficmanager.net/emea/")]
    public void Create_ReturnsClientForServiceUrl_WhenUrlIsHttpOrHttps(string serviceUrl)
    {
        using var setup = new FactorySetup();

        var client = setup.Factory.Create(serviceUrl);

        Assert.Equal(new Uri(serviceUrl), client.ServiceUrl);
        Assert.Equal([ConnectorClientFactory.HttpClientName], setup.HttpClients.Names);
    }

    [Fact]
    public async Task Create_SharesPacingAcrossClients_WhenTwoClientsSendToOneConversation()
    {
        using var setup = new FactorySetup();
        var first = setup.Factory.Create("https://smba.trafficmanager.net/amer/");
        var second = setup.Factory.Create("https://smba.trafficmanager.net/amer/");

        for (var i = 0; i < 7; i++)
        {
            await first.SendToConversationAsync(ConnectorHarness.ConversationId, ConnectorHarness.Message("hi"));
        }

        await second.SendToConversationAsync(ConnectorHarness.ConversationId, ConnectorHarness.Message("hi"));

        Assert.Equal([TimeSpan.FromSeconds(1)], setup.Time.Waits);
    }

    [Fact]
    public async Task Create_SendsUnpaced_WhenRateLimitIsDisabled()
    {
        using var setup = new FactorySetup(options => options.EnablePerConversationRateLimit = false);
        var client = setup.Factory.Create("https://smba.trafficmanager.net/amer/");

        for (var i = 0; i < 8; i++)
        {
            await client.SendToConversationAsync(ConnectorHarness.ConversationId, ConnectorHarness.Message("hi"));
        }

        Assert.Empty(setup.Time.Waits);
    }

    [Fact]
    public async Task Create_SendsNoTokenAndWarnsOnce_WhenNoTokenProviderIsGiven()
    {
        using var setup = new FactorySetup(tokenProvider: null);

        await setup.Factory.Create("http://localhost:56150/_connector").SendToConversationAsync("a:1", ConnectorHarness.Message("hi"));

        Assert.Null(Assert.Single(setup.Handler.Requests).Authorization);
        Assert.Single(setup.Logger.Entries, entry => entry.EventId.Id == 1104);
    }

    [Fact]
    public async Task Create_SendsProvidersToken_WhenTokenProviderIsGiven()
    {
        using var setup = new FactorySetup(tokenProvider: new FakeAccessTokenProvider("from-provider"));

        await setup.Factory.Create("https://smba.trafficmanager.net/amer/").SendToConversationAsync("a:1", ConnectorHarness.Message("hi"));

        Assert.Equal("Bearer from-provider", Assert.Single(setup.Handler.Requests).Authorization);
        Assert.DoesNotContain(setup.Logger.Entries, entry => entry.EventId.Id == 1104);
    }

    [Fact]
    public void Constructor_ThrowsWithEveryProblem_WhenOptionsAreInvalid()
    {
        var exception = Assert.Throws<ArgumentException>(() => new FactorySetup(options =>
        {
            options.MaxRetryAttempts = 11;
            options.AttemptTimeout = TimeSpan.Zero;
        }));

        Assert.Contains("MaxRetryAttempts", exception.Message, StringComparison.Ordinal);
        Assert.Contains("AttemptTimeout", exception.Message, StringComparison.Ordinal);
    }

    private sealed class FactorySetup : IDisposable
    {
        public FactorySetup(Action<ConnectorOptions>? configure = null, IAccessTokenProvider? tokenProvider = null)
        {
            Handler.Always(HttpStatusCode.OK, """{"id":"1"}""");
            HttpClients = new NamedHttpClientFactory(Handler);
            var options = new ConnectorOptions { AttemptTimeout = ConnectorHarness.AttemptTimeout };
            configure?.Invoke(options);
            Factory = new ConnectorClientFactory(HttpClients, Options.Create(options), Time, Logger, tokenProvider);
        }

        public RecordingHttpHandler Handler { get; } = new();

        public NamedHttpClientFactory HttpClients { get; }

        public FakeTimeProvider Time { get; } = new(ConnectorHarness.Start, holdFrom: ConnectorHarness.AttemptTimeout);

        public RecordingLogger Logger { get; } = new();

        public ConnectorClientFactory Factory { get; }

        public void Dispose()
        {
            Factory.Dispose();
            Handler.Dispose();
        }
    }

    private sealed class NamedHttpClientFactory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public List<string> Names { get; } = [];

        public HttpClient CreateClient(string name)
        {
            Names.Add(name);
            return new HttpClient(handler, disposeHandler: false);
        }
    }
}
