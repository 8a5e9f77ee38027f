using System.Threading.RateLimiting;
using CoachingBot.Teams.Connector;
using CoachingBot.Teams.Schema;

namespace CoachingBot.Teams.Tests.Connector;

/// <summary>A <see cref="ConnectorClient"/> wired to fakes: connector, clock, tokens and logger.</summary>
public sealed class ConnectorHarness : IDisposable
{
    public const string ServiceUrl = "https://smba.trafficmanager.net/amer/";
    public const string ConversationId = "a:1Xy-z_AbC";
    public const string EscapedConversationId = "a%3A1Xy-z_AbC";

    public static readonly DateTimeOffset Start = new(2025, 3, 30, 0, 59, 58, TimeSpan.Zero);

    // Distinct from every delay a test expects, so only the per-attempt timeouts are held for Advance.
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromMinutes(5);

    private readonly HttpClient _httpClient;

    public ConnectorHarness(params string?[] tokens)
    {
        _httpClient = new HttpClient(Handler);
        Tokens = new FakeAccessTokenProvider(tokens.Length == 0 ? ["token-1"] : tokens);
    }

    public RecordingHttpHandler Handler { get; } = new();

    public FakeTimeProvider Time { get; } = new(Start, holdFrom: AttemptTimeout);

    public FakeAccessTokenProvider Tokens { get; }

    public RecordingLogger Logger { get; } = new();

    public ConnectorOptions Options { get; } = new() { AttemptTimeout = AttemptTimeout };

    public static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };

    public ConnectorClient Client(string serviceUrl = ServiceUrl, PartitionedRateLimiter<string>? sendLimiter = null) =>
        new(_httpClient, new Uri(serviceUrl), Tokens, Options, Time, Logger, sendLimiter);

    public void Dispose()
    {
        _httpClient.Dispose();
        Handler.Dispose();
    }
}
