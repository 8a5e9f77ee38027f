using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CoachingBot.Teams.Auth;
using CoachingBot.Teams.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CoachingBot.Micro;

/// <summary>
/// An inbound request's bearer token checked by <see cref="BotFrameworkAuthenticator"/> with the Bot Framework's metadata
/// and signing keys already cached: parse, signature (RS256, 2048-bit key), issuer, audience, lifetime, the
/// <c>serviceurl</c> claim against the activity and the key's channel endorsements. The keys are served from memory
/// at a loopback address, so nothing leaves the process and no port is opened.
/// </summary>
[MemoryDiagnoser]
public class TokenValidationBenchmarks
{
    private const string AppId = "8c4e1f10-4b7a-4f0c-9a0e-5f1d2c3b4a59";
    private const string Issuer = "https://api.botframework.com";
    private const string MetadataUrl = "http://127.0.0.1/botframework/v1/.well-known/openidconfiguration";
    private const string KeysUrl = "http://127.0.0.1/botframework/v1/keys";

    private RSA _rsa = null!;
    private BotFrameworkAuthenticator _authenticator = null!;
    private MetadataHandler _handler = null!;
    private string _header = "";
    private Activity _activity = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(_rsa) { KeyId = "micro-key-1" };
        _handler = new MetadataHandler(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [MetadataUrl] = JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["issuer"] = Issuer,
                ["jwks_uri"] = KeysUrl,
                ["id_token_signing_alg_values_supported"] = new[] { SecurityAlgorithms.RsaSha256 },
            }),
            [KeysUrl] = JsonSerializer.Serialize(new { keys = new[] { Jwk(_rsa, key.KeyId, "msteams") } }),
        });

        var options = new BotOptions { AppId = AppId, BotFrameworkOpenIdMetadataUrl = MetadataUrl, BotFrameworkIssuer = Issuer };
        _authenticator = new BotFrameworkAuthenticator(Options.Create(options), new SingleHandlerClientFactory(_handler), TimeProvider.System, NullLogger<BotFrameworkAuthenticator>.Instance);

        _activity = BotJson.Deserialize<Activity>(ActivitySamples.Message)!;
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var token = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = AppId,
            NotBefore = now.AddMinutes(-5),
            IssuedAt = now.AddMinutes(-5),
            // Long enough for any run of the benchmark.
            Expires = now.AddHours(12),
            Claims = new Dictionary<string, object> { ["serviceurl"] = _activity.ServiceUrl!, ["appid"] = "d6d49420-f39b-4df7-a1dc-d59a935871db" },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
        _header = "Bearer " + token;

        // Fetches and caches the metadata and keys; from here on no request reaches the handler.
        var first = await Validate();
        if (!first.Succeeded)
        {
            throw new InvalidOperationException($"The benchmark's own token was refused: {first.Failure}.");
        }

        _handler.Fetches = 0;
    }

    [Benchmark]
    public Task<AuthenticationOutcome> Validate() => _authenticator.AuthenticateAsync(_header, _activity);

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_handler is { Fetches: > 0 })
        {
            throw new InvalidOperationException($"The keys were fetched {_handler.Fetches} times while measuring: not the cached path.");
        }

        _handler?.Dispose();
        _rsa?.Dispose();
    }

    private static Dictionary<string, object> Jwk(RSA rsa, string kid, string endorsement)
    {
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        return new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = kid,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["endorsements"] = new[] { endorsement },
        };
    }

    private sealed class MetadataHandler(IReadOnlyDictionary<string, string> documents) : HttpMessageHandler
    {
        public int Fetches { get; set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Fetches++;
            var response = documents.TryGetValue(request.RequestUri!.AbsoluteUri, out var body)
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") }
                : new HttpResponseMessage(HttpStatusCode.NotFound);
            return Task.FromResult(response);
        }
    }

    private sealed class SingleHandlerClientFactory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }
}
