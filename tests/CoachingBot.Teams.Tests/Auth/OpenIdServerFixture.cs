using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoachingBot.Teams.Tests.Auth;

/// <summary>
/// A real Kestrel server on a free loopback port that plays both the Bot Framework and Entra ID: OpenID metadata
/// and key sets. Each <see cref="OpenIdRealm"/> has its own URLs and keys, so tests that rotate keys or count
/// requests do not see each other.
/// </summary>
public sealed class OpenIdServerFixture : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, OpenIdRealm> _realms = new(StringComparer.Ordinal);
    private WebApplication? _app;

    public string BaseAddress { get; private set; } = "";

    /// <summary>A realm that no test changes; its Bot Framework keys endorse the msteams channel only.</summary>
    public OpenIdRealm Shared { get; private set; } = null!;

    /// <summary>A key published nowhere, for tokens no issuer would sign.</summary>
    public TestSigningKey Outsider { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/{realm}/botframework/.well-known/openidconfiguration", (string realm) =>
            Serve(realm, r => r.CountMetadataRequest(), r => Metadata("https://api.botframework.com", $"{r.BaseUrl}/botframework/keys")));
        _app.MapGet("/{realm}/botframework/keys", (string realm) =>
            Serve(realm, r => r.CountKeysRequest(), r => KeySet(r.BotFrameworkKeys)));
        _app.MapGet("/{realm}/entra/{tenant}/v2.0/.well-known/openid-configuration", (string realm, string tenant) =>
            Serve(realm, r => r.CountMetadataRequest(), r => Metadata($"{r.EntraAuthorityHost}/{tenant}/v2.0", $"{r.EntraAuthorityHost}/{tenant}/discovery/v2.0/keys")));
        _app.MapGet("/{realm}/entra/{tenant}/discovery/v2.0/keys", (string realm) =>
            Serve(realm, r => r.CountKeysRequest(), r => KeySet(r.EntraKeys)));
        await _app.StartAsync();

        BaseAddress = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        var keys = await Task.WhenAll(
            Task.Run(() => new TestSigningKey("bf-shared-1", "msteams")),
            Task.Run(() => new TestSigningKey("bf-shared-2", "msteams")),
            Task.Run(() => new TestSigningKey("entra-shared-1")),
            Task.Run(() => new TestSigningKey("outsider")));
        Shared = CreateRealm([keys[0], keys[1]], [keys[2]]);
        Outsider = keys[3];
    }

    public OpenIdRealm CreateRealm(IReadOnlyList<TestSigningKey> botFrameworkKeys, IReadOnlyList<TestSigningKey> entraKeys)
    {
        var realm = new OpenIdRealm($"{BaseAddress}/{Guid.NewGuid():N}", botFrameworkKeys, entraKeys);
        _realms[realm.Name] = realm;
        return realm;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        foreach (var key in Shared.BotFrameworkKeys.Concat(Shared.EntraKeys).Append(Outsider))
        {
            key.Dispose();
        }
    }

    private IResult Serve(string realmName, Action<OpenIdRealm> count, Func<OpenIdRealm, object> document)
    {
        if (!_realms.TryGetValue(realmName, out var realm))
        {
            return Results.NotFound();
        }

        count(realm);
        return Results.Text(JsonSerializer.Serialize(document(realm)), "application/json");
    }

    private static Dictionary<string, object> Metadata(string issuer, string jwksUri) => new()
    {
        ["issuer"] = issuer,
        ["jwks_uri"] = jwksUri,
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
    };

    private static Dictionary<string, object> KeySet(IEnumerable<TestSigningKey> keys) => new()
    {
        ["keys"] = keys.Select(k => k.ToJwk()).ToArray(),
    };
}

/// <summary>One Bot Framework plus Entra ID pair of issuers, under its own path on the test server.</summary>
public sealed class OpenIdRealm(string baseUrl, IReadOnlyList<TestSigningKey> botFrameworkKeys, IReadOnlyList<TestSigningKey> entraKeys)
{
    private IReadOnlyList<TestSigningKey> _botFrameworkKeys = botFrameworkKeys;
    private int _metadataRequests;
    private int _keysRequests;

    public string BaseUrl { get; } = baseUrl;
    public string Name => BaseUrl[(BaseUrl.LastIndexOf('/') + 1)..];
    public string BotFrameworkMetadataUrl => $"{BaseUrl}/botframework/.well-known/openidconfiguration";
    public string EntraAuthorityHost => $"{BaseUrl}/entra";
    public IReadOnlyList<TestSigningKey> BotFrameworkKeys => Volatile.Read(ref _botFrameworkKeys);
    public IReadOnlyList<TestSigningKey> EntraKeys { get; } = entraKeys;
    public int MetadataRequests => Volatile.Read(ref _metadataRequests);
    public int KeysRequests => Volatile.Read(ref _keysRequests);

    /// <summary>Publishes a new Bot Framework key set, as the real service does when it rotates keys.</summary>
    public void PublishBotFrameworkKeys(params TestSigningKey[] keys) => Volatile.Write(ref _botFrameworkKeys, keys);

    internal void CountMetadataRequest() => Interlocked.Increment(ref _metadataRequests);
    internal void CountKeysRequest() => Interlocked.Increment(ref _keysRequests);
}
