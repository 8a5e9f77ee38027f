using Azure.Core;
using Azure.Identity;
using CoachingBot.Teams.Auth;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachingBot.Teams.Connector;

/// <summary>Gets connector tokens from the Azure host's user-assigned managed identity: no secret to keep.</summary>
public sealed class ManagedIdentityTokenProvider : IAccessTokenProvider
{
    private readonly ManagedIdentityCredential _credential;
    private readonly TokenRequestContext _request;
    private readonly CachedTokenSource _cache;

    /// <summary>Creates the provider for <c>Bot:ManagedIdentityClientId</c>; nothing is fetched until the first call.</summary>
    public ManagedIdentityTokenProvider(IOptions<BotOptions> options, TimeProvider timeProvider, ILogger<ManagedIdentityTokenProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.ManagedIdentityClientId))
        {
            throw new InvalidOperationException("Bot:ManagedIdentityClientId is required when Bot:AppType is UserAssignedMSI.");
        }

        _credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(settings.ManagedIdentityClientId.Trim()));
        _request = new TokenRequestContext([settings.OAuthScope]);
        _cache = new CachedTokenSource(AcquireAsync, timeProvider, logger);
    }

    /// <inheritdoc />
    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken = default) => _cache.GetTokenAsync(cancellationToken);

    private async Task<IssuedToken> AcquireAsync(CancellationToken cancellationToken)
    {
        var token = await _credential.GetTokenAsync(_request, cancellationToken).ConfigureAwait(false);
        return new IssuedToken(token.Token, token.ExpiresOn);
    }
}
