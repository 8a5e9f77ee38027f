using CoachingBot.Teams.Auth;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace CoachingBot.Teams.Connector;

/// <summary>
/// Gets connector tokens with the client-credentials flow (MSAL), from a client secret or a certificate. Multi-tenant
/// apps ask the <c>botframework.com</c> tenant, single-tenant apps their own.
/// </summary>
public sealed class MsalTokenProvider : IAccessTokenProvider
{
    private const string BotFrameworkTenant = "botframework.com";

    private readonly IConfidentialClientApplication _application;
    private readonly string[] _scopes;
    private readonly CachedTokenSource _cache;

    /// <summary>Builds the MSAL client; loads the certificate now, so a bad one fails at start rather than at first send.</summary>
    public MsalTokenProvider(IOptions<BotOptions> options, TimeProvider timeProvider, ILogger<MsalTokenProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.AppId))
        {
            throw new InvalidOperationException("Bot:AppId is required for MSAL tokens.");
        }

        var builder = ConfidentialClientApplicationBuilder.Create(settings.AppId.Trim())
            .WithAuthority(BuildAuthority(settings));
        builder = string.IsNullOrWhiteSpace(settings.AppPassword)
            ? builder.WithCertificate(BotCertificateLoader.Load(settings))
            : builder.WithClientSecret(settings.AppPassword);
        _application = builder.Build();
        _scopes = [settings.OAuthScope];
        _cache = new CachedTokenSource(AcquireAsync, timeProvider, logger);
    }

    /// <summary>The authority MSAL was built with, for tests.</summary>
    internal string Authority => _application.Authority;

    /// <inheritdoc />
    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken = default) => _cache.GetTokenAsync(cancellationToken);

    internal static string BuildAuthority(BotOptions options)
    {
        var tenant = options.AppType == BotAppType.SingleTenant ? options.TenantId!.Trim() : BotFrameworkTenant;
        return $"{options.EntraAuthorityHost.TrimEnd('/')}/{tenant}";
    }

    private async Task<IssuedToken> AcquireAsync(CancellationToken cancellationToken)
    {
        var result = await _application.AcquireTokenForClient(_scopes).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return new IssuedToken(result.AccessToken, result.ExpiresOn);
    }
}
