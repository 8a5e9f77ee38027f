using CoachingBot.Teams.Auth;
using CoachingBot.Teams.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace CoachingBot.Teams.Tests.Auth;

[Collection(OpenIdServerGroup.Name)]
public sealed class BotFrameworkAuthenticatorTests(OpenIdServerFixture server) : IDisposable
{
    private const string AppId = "5f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b";
    private const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private const string OtherTenantId = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";
    private const string BotFrameworkIssuer = "https://api.botframework.com";
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    // Years away from any real "now": if the machine clock leaked into validation, valid tokens would fail.
    private static readonly DateTimeOffset Now = new(2031, 5, 6, 7, 8, 9, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Now);
    private readonly List<ServiceProvider> _providers = [];

    public void Dispose()
    {
        foreach (var provider in _providers)
        {
            provider.Dispose();
        }
    }

    [Theory]
    [InlineData("valid")]
    [InlineData("expired 4 minutes ago, inside the clock skew")]
    [InlineData("valid from 4 minutes ahead, inside the clock skew")]
    [InlineData("audience api://app-id")]
    [InlineData("serviceUrl differs by trailing slash and case")]
    [InlineData("lower-case bearer scheme")]
    [InlineData("second key of the set")]
    public async Task AuthenticateAsync_Succeeds_WhenBotFrameworkTokenIsGood(string scenario)
    {
        var token = BotFrameworkToken();
        var activity = Message();
        var scheme = "Bearer";
        switch (scenario)
        {
            case "expired 4 minutes ago, inside the clock skew":
                token = token with { NotBefore = Now.AddHours(-1), Expires = Now.AddMinutes(-4) };
                break;
            case "valid from 4 minutes ahead, inside the clock skew":
                token = token with { NotBefore = Now.AddMinutes(4) };
                break;
            case "audience api://app-id":
                token = token with { Audience = "api://" + AppId };
                break;
            case "serviceUrl differs by trailing slash and case":
                activity.ServiceUrl = "HTTPS://SMBA.trafficmanager.net/EMEA";
                break;
            case "lower-case bearer scheme":
                scheme = "bearer";
                break;
            case "second key of the set":
                token = token with { Key = server.Shared.BotFrameworkKeys[1] };
                break;
        }

        var outcome = await CreateAuthenticator(server.Shared).AuthenticateAsync($"{scheme} {token.Mint()}", activity);

        Assert.True(outcome.Succeeded, outcome.Failure);
        Assert.True(outcome.Identity!.IsAuthenticated);
        Assert.Equal(BotFrameworkIssuer, outcome.Identity.FindFirst("iss")?.Value);
    }

    [Theory]
    [InlineData("expired", AuthFailureReasons.TokenExpired)]
    [InlineData("not yet valid", AuthFailureReasons.TokenNotYetValid)]
    [InlineData("no expiry", AuthFailureReasons.NoExpiry)]
    [InlineData("wrong audience", AuthFailureReasons.WrongAudience)]
    [InlineData("no audience", AuthFailureReasons.WrongAudience)]
    [InlineData("wrong issuer", AuthFailureReasons.UntrustedIssuer)]
    [InlineData("no issuer", AuthFailureReasons.UntrustedIssuer)]
    [InlineData("issuer with trailing slash", AuthFailureReasons.UntrustedIssuer)]
    [InlineData("serviceUrl claim mismatch", AuthFailureReasons.ServiceUrlMismatch)]
    [InlineData("activity has no serviceUrl", AuthFailureReasons.ServiceUrlMismatch)]
    [InlineData("serviceUrl claim missing", AuthFailureReasons.MissingServiceUrlClaim)]
    [InlineData("unsigned (alg none)", AuthFailureReasons.SignatureNotValid)]
    [InlineData("HS256 with the public modulus as secret", AuthFailureReasons.SignatureNotValid)]
    [InlineData("signed with a key not in the key set", AuthFailureReasons.SignatureNotValid)]
    [InlineData("signed with another key under a published key id", AuthFailureReasons.SignatureNotValid)]
    [InlineData("signed with the Entra key", AuthFailureReasons.SignatureNotValid)]
    [InlineData("payload altered after signing", AuthFailureReasons.SignatureNotValid)]
    [InlineData("channel the key does not endorse", AuthFailureReasons.ChannelNotEndorsed)]
    [InlineData("Entra issuer on a multi-tenant bot", AuthFailureReasons.UntrustedIssuer)]
    [InlineData("garbage", AuthFailureReasons.MalformedToken)]
    [InlineData("three dots of nothing", AuthFailureReasons.MalformedToken)]
    [InlineData("missing header", AuthFailureReasons.MissingBearerToken)]
    [InlineData("blank header", AuthFailureReasons.MissingBearerToken)]
    [InlineData("Bearer without a token", AuthFailureReasons.MissingBearerToken)]
    [InlineData("Basic scheme", AuthFailureReasons.NotBearerScheme)]
    [InlineData("token without a scheme", AuthFailureReasons.NotBearerScheme)]
    public async Task AuthenticateAsync_Fails_WhenRequestIsNotTrustworthy(string scenario, string expectedReason)
    {
        var token = BotFrameworkToken();
        var activity = Message();
        activity.ServiceUrl = scenario == "activity has no serviceUrl" ? null : activity.ServiceUrl;
        activity.ChannelId = scenario == "channel the key does not endorse" ? "webchat" : activity.ChannelId;
        string? header = scenario switch
        {
            "expired" => Bearer(token with { NotBefore = Now.AddHours(-2), Expires = Now.AddMinutes(-6) }),
            "not yet valid" => Bearer(token with { NotBefore = Now.AddMinutes(6) }),
            "no expiry" => Bearer(token with { Expires = null }),
            "wrong audience" => Bearer(token with { Audience = "7e57a11b-0000-4000-8000-000000000000" }),
            "no audience" => Bearer(token with { Audience = null }),
            "wrong issuer" => Bearer(token with { Issuer = "https://api.botframework.com.evil.example" }),
            "no issuer" => Bearer(token with { Issuer = null! }),
            "issuer with trailing slash" => Bearer(token with { Issuer = BotFrameworkIssuer + "/" }),
            "serviceUrl claim mismatch" => Bearer(token with { Claims = ServiceUrlClaim("https://smba.trafficmanager.net/amer/") }),
            "activity has no serviceUrl" => Bearer(token),
            "serviceUrl claim missing" => Bearer(token with { Claims = new Dictionary<string, object>() }),
            "unsigned (alg none)" => "Bearer " + token.MintUnsigned(),
            "HS256 with the public modulus as secret" => "Bearer " + token.MintWith(new SigningCredentials(
                new SymmetricSecurityKey(server.Shared.BotFrameworkKeys[0].SecurityKey.Rsa.ExportParameters(false).Modulus) { KeyId = "bf-shared-1" },
                SecurityAlgorithms.HmacSha256)),
            "signed with a key not in the key set" => Bearer(token with { Key = server.Outsider }),
            "signed with another key under a published key id" => Bearer(token with { Key = server.Outsider.As("bf-shared-1") }),
            "signed with the Entra key" => Bearer(token with { Key = server.Shared.EntraKeys[0] }),
            "payload altered after signing" => "Bearer " + token.MintTampered("serviceurl", "https://attacker.example/"),
            "channel the key does not endorse" => Bearer(token),
            "Entra issuer on a multi-tenant bot" => Bearer(EntraToken($"https://sts.windows.net/{TenantId}/")),
            "garbage" => "Bearer not-a-jwt",
            "three dots of nothing" => "Bearer ...",
            "missing header" => null,
            "blank header" => "   ",
            "Bearer without a token" => "Bearer ",
            "Basic scheme" => "Basic dXNlcjpwYXNz",
            "token without a scheme" => token.Mint(),
            _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "unknown scenario"),
        };

        var outcome = await CreateAuthenticator(server.Shared).AuthenticateAsync(header, activity);

        Assert.False(outcome.Succeeded);
        Assert.Equal(expectedReason, outcome.Failure);
        Assert.Null(outcome.Identity);
    }

    [Fact]
    public async Task AuthenticateAsync_Succeeds_WhenFakeClockIsYearsInThePast()
    {
        var past = new DateTimeOffset(2019, 2, 3, 4, 5, 6, TimeSpan.Zero);
        var clock = new FakeTimeProvider(past);
        var token = BotFrameworkToken() with { NotBefore = past.AddMinutes(-1), Expires = past.AddHours(1) };

        var outcome = await CreateAuthenticator(server.Shared, clock: clock).AuthenticateAsync(Bearer(token), Message());

        Assert.True(outcome.Succeeded, outcome.Failure);
    }

    [Fact]
    public async Task AuthenticateAsync_FailsAsExpired_WhenFakeClockMovesPastExpiryPlusSkew()
    {
        var authenticator = CreateAuthenticator(server.Shared);
        var header = Bearer(BotFrameworkToken() with { Expires = Now.AddMinutes(10) });
        Assert.True((await authenticator.AuthenticateAsync(header, Message())).Succeeded);

        _clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));

        Assert.Equal(AuthFailureReasons.TokenExpired, (await authenticator.AuthenticateAsync(header, Message())).Failure);
    }

    [Theory]
    [InlineData("https://sts.windows.net/{tenant}/")]
    [InlineData("{host}/{tenant}/v2.0")]
    public async Task AuthenticateAsync_Succeeds_WhenEntraTokenComesFromTheBotsTenant(string issuerForm)
    {
        var issuer = issuerForm.Replace("{host}", server.Shared.EntraAuthorityHost, StringComparison.Ordinal)
            .Replace("{tenant}", TenantId, StringComparison.Ordinal);

        // No serviceurl claim: Entra tokens do not carry one and need not.
        var outcome = await CreateAuthenticator(server.Shared, BotAppType.SingleTenant)
            .AuthenticateAsync(Bearer(EntraToken(issuer)), Message());

        Assert.True(outcome.Succeeded, outcome.Failure);
        Assert.Equal(issuer, outcome.Identity!.FindFirst("iss")?.Value);
    }

    [Theory]
    [InlineData("https://sts.windows.net/{other}/", AuthFailureReasons.UntrustedIssuer)]
    [InlineData("{host}/{other}/v2.0", AuthFailureReasons.UntrustedIssuer)]
    [InlineData("https://sts.windows.net/{tenant}", AuthFailureReasons.UntrustedIssuer)]
    public async Task AuthenticateAsync_Fails_WhenEntraTokenIsNotFromTheBotsTenant(string issuerForm, string expectedReason)
    {
        var issuer = issuerForm.Replace("{host}", server.Shared.EntraAuthorityHost, StringComparison.Ordinal)
            .Replace("{tenant}", TenantId, StringComparison.Ordinal)
            .Replace("{other}", OtherTenantId, StringComparison.Ordinal);

        var outcome = await CreateAuthenticator(server.Shared, BotAppType.SingleTenant)
            .AuthenticateAsync(Bearer(EntraToken(issuer)), Message());

        Assert.Equal(expectedReason, outcome.Failure);
    }

    [Fact]
    public async Task AuthenticateAsync_Fails_WhenEntraTokenIsSignedWithBotFrameworkKey()
    {
        var token = EntraToken($"https://sts.windows.net/{TenantId}/") with { Key = server.Shared.BotFrameworkKeys[0] };

        var outcome = await CreateAuthenticator(server.Shared, BotAppType.SingleTenant).AuthenticateAsync(Bearer(token), Message());

        Assert.Equal(AuthFailureReasons.SignatureNotValid, outcome.Failure);
    }

    [Fact]
    public async Task AuthenticateAsync_Succeeds_WhenBotFrameworkTokenReachesSingleTenantBot()
    {
        var outcome = await CreateAuthenticator(server.Shared, BotAppType.SingleTenant).AuthenticateAsync(Bearer(BotFrameworkToken()), Message());

        Assert.True(outcome.Succeeded, outcome.Failure);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer garbage")]
    public async Task AuthenticateAsync_LetsEverythingThrough_WhenAuthIsDisabled(string? header)
    {
        var authenticator = CreateAuthenticator(server.Shared, appId: "");

        var outcome = await authenticator.AuthenticateAsync(header, Message());

        Assert.True(authenticator.IsDisabled);
        Assert.True(outcome.Succeeded);
        Assert.False(outcome.Identity!.IsAuthenticated);
    }

    [Fact]
    public void IsDisabled_IsFalse_WhenAppIdIsSet() => Assert.False(CreateAuthenticator(server.Shared).IsDisabled);

    [Fact]
    public async Task AuthenticateAsync_FetchesMetadataOnce_WhenManyTokensAreValidated()
    {
        var realm = server.CreateRealm([server.Shared.BotFrameworkKeys[0]], []);
        var authenticator = CreateAuthenticator(realm);

        for (var i = 0; i < 3; i++)
        {
            var outcome = await authenticator.AuthenticateAsync(Bearer(BotFrameworkToken(realm.BotFrameworkKeys[0])), Message());
            Assert.True(outcome.Succeeded, outcome.Failure);
        }

        Assert.Equal(1, realm.MetadataRequests);
        Assert.Equal(1, realm.KeysRequests);
    }

    [Theory]
    [InlineData("unsigned (alg none)", AuthFailureReasons.SignatureNotValid)]
    [InlineData("RS256 header with the signature cut off", AuthFailureReasons.SignatureNotValid)]
    [InlineData("HS256", AuthFailureReasons.SignatureNotValid)]
    [InlineData("garbage", AuthFailureReasons.MalformedToken)]
    [InlineData("three dots of nothing", AuthFailureReasons.MalformedToken)]
    [InlineData("header that is not JSON", AuthFailureReasons.MalformedToken)]
    [InlineData("longer than 64 KB", AuthFailureReasons.MalformedToken)]
    public async Task AuthenticateAsync_FailsWithoutFetchingKeys_WhenTokenIsUnsignedOrCannotBeParsed(string scenario, string expectedReason)
    {
        var realm = server.CreateRealm([server.Shared.BotFrameworkKeys[0]], []);
        var token = BotFrameworkToken(realm.BotFrameworkKeys[0]);
        var signed = token.Mint();
        var header = scenario switch
        {
            "unsigned (alg none)" => token.MintUnsigned(),
            "RS256 header with the signature cut off" => signed[..(signed.LastIndexOf('.') + 1)],
            "HS256" => token.MintWith(new SigningCredentials(new SymmetricSecurityKey(new byte[32]) { KeyId = "bf-shared-1" }, SecurityAlgorithms.HmacSha256)),
            "garbage" => "not-a-jwt",
            "three dots of nothing" => "...",
            "header that is not JSON" => Base64UrlEncoder.Encode("{alg") + signed[signed.IndexOf('.')..],
            "longer than 64 KB" => signed + new string('A', 64 * 1024),
            _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "unknown scenario"),
        };

        var outcome = await CreateAuthenticator(realm).AuthenticateAsync("Bearer " + header, Message());

        Assert.Equal(expectedReason, outcome.Failure);
        Assert.Equal(0, realm.MetadataRequests);
        Assert.Equal(0, realm.KeysRequests);
    }

    [Fact]
    public async Task AuthenticateAsync_AcceptsTokenSignedWithNewKey_WhenKeySetRotates()
    {
        var oldKey = server.Shared.BotFrameworkKeys[0];
        var newKey = server.Shared.BotFrameworkKeys[1];
        var realm = server.CreateRealm([oldKey], []);
        var authenticator = CreateAuthenticator(realm);
        Assert.True((await authenticator.AuthenticateAsync(Bearer(BotFrameworkToken(oldKey)), Message())).Succeeded);

        realm.PublishBotFrameworkKeys(newKey);
        var outcome = await authenticator.AuthenticateAsync(Bearer(BotFrameworkToken(newKey)), Message());

        Assert.True(outcome.Succeeded, outcome.Failure);
        Assert.Equal(2, realm.MetadataRequests);
        Assert.Equal(AuthFailureReasons.SignatureNotValid, (await authenticator.AuthenticateAsync(Bearer(BotFrameworkToken(oldKey)), Message())).Failure);
    }

    [Fact]
    public async Task AuthenticateAsync_RefetchesKeysAtMostOncePerInterval_WhenTokensNameUnknownKeys()
    {
        var firstKey = server.Shared.BotFrameworkKeys[0];
        var realm = server.CreateRealm([firstKey], []);
        var authenticator = CreateAuthenticator(realm);
        Assert.True((await authenticator.AuthenticateAsync(Bearer(BotFrameworkToken(firstKey)), Message())).Succeeded);

        var stranger = BotFrameworkToken(server.Outsider);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(AuthFailureReasons.SignatureNotValid, (await authenticator.AuthenticateAsync(Bearer(stranger), Message())).Failure);
        }

        Assert.Equal(2, realm.MetadataRequests); // the first, and one forced refresh for all three attempts

        var lateKey = server.Shared.BotFrameworkKeys[1];
        realm.PublishBotFrameworkKeys(firstKey, lateKey);
        _clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(AuthFailureReasons.SignatureNotValid, (await authenticator.AuthenticateAsync(Bearer(BotFrameworkToken(lateKey)), Message())).Failure);
        Assert.Equal(2, realm.MetadataRequests);

        _clock.Advance(TimeSpan.FromMinutes(1));
        var outcome = await authenticator.AuthenticateAsync(Bearer(BotFrameworkToken(lateKey) with { NotBefore = _clock.GetUtcNow() }), Message());
        Assert.True(outcome.Succeeded, outcome.Failure);
        Assert.Equal(3, realm.MetadataRequests);
    }

    [Fact]
    public async Task AuthenticateAsync_FailsWithKeysUnavailable_WhenMetadataCannotBeFetched()
    {
        var authenticator = Build(new Dictionary<string, string?>
        {
            ["AppId"] = AppId,
            ["AppPassword"] = "not-used-here",
            ["BotFrameworkOpenIdMetadataUrl"] = $"{server.BaseAddress}/no-such-realm/botframework/.well-known/openidconfiguration",
        }, _clock);

        var outcome = await authenticator.AuthenticateAsync(Bearer(BotFrameworkToken()), Message());

        Assert.Equal(AuthFailureReasons.SigningKeysUnavailable, outcome.Failure);
    }

    [Fact]
    public async Task AuthenticateAsync_Succeeds_WhenKeyEndorsesTheActivitysChannel()
    {
        var key = server.Shared.BotFrameworkKeys[0].As("bf-webchat", "webchat", "msteams");
        var realm = server.CreateRealm([key], []);

        var outcome = await CreateAuthenticator(realm).AuthenticateAsync(Bearer(BotFrameworkToken(key)), Message(channelId: "webchat"));

        Assert.True(outcome.Succeeded, outcome.Failure);
    }

    private IRequestAuthenticator CreateAuthenticator(OpenIdRealm realm, BotAppType appType = BotAppType.MultiTenant, string appId = AppId, TimeProvider? clock = null) =>
        Build(new Dictionary<string, string?>
        {
            ["AppId"] = appId,
            ["AppPassword"] = "not-used-here",
            ["AppType"] = appType.ToString(),
            ["TenantId"] = appType == BotAppType.SingleTenant ? TenantId : null,
            ["BotFrameworkOpenIdMetadataUrl"] = realm.BotFrameworkMetadataUrl,
            ["EntraAuthorityHost"] = realm.EntraAuthorityHost,
        }, clock ?? _clock);

    private IRequestAuthenticator Build(Dictionary<string, string?> settings, TimeProvider clock)
    {
        var provider = AuthTestHost.Build(settings, clock);
        _providers.Add(provider);
        return provider.GetRequiredService<IRequestAuthenticator>();
    }

    private TestToken BotFrameworkToken(TestSigningKey? key = null) => new()
    {
        Key = key ?? server.Shared.BotFrameworkKeys[0],
        Issuer = BotFrameworkIssuer,
        Audience = AppId,
        NotBefore = Now.AddMinutes(-1),
        Expires = Now.AddHours(1),
        Claims = ServiceUrlClaim(ServiceUrl),
    };

    private TestToken EntraToken(string issuer) => new()
    {
        Key = server.Shared.EntraKeys[0],
        Issuer = issuer,
        Audience = AppId,
        NotBefore = Now.AddMinutes(-1),
        Expires = Now.AddHours(1),
    };

    private static Dictionary<string, object> ServiceUrlClaim(string serviceUrl) => new() { ["serviceurl"] = serviceUrl };

    private static Activity Message(string channelId = "msteams") => new()
    {
        Type = ActivityTypes.Message,
        ServiceUrl = ServiceUrl,
        ChannelId = channelId,
    };

    private static string Bearer(TestToken token) => "Bearer " + token.Mint();
}
