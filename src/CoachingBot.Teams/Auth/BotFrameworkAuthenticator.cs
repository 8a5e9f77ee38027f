using System.Security.Claims;
using System.Text.Json;
using CoachingBot.Teams.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CoachingBot.Teams.Auth;

/// <summary>
/// Validates the bearer token on an inbound activity: a Bot Framework token (whose <c>serviceurl</c> claim must match the
/// activity) or, for a single-tenant bot, an Entra ID token from the bot's tenant. Signing keys are fetched from the
/// issuer's OpenID metadata, cached, and fetched again once when a token names a key not seen yet.
/// </summary>
public sealed partial class BotFrameworkAuthenticator : IRequestAuthenticator
{
    /// <summary>The <see cref="IHttpClientFactory"/> client name used to fetch OpenID metadata and signing keys.</summary>
    public const string HttpClientName = "CoachingBot.Teams.OpenIdMetadata";

    private const string BearerScheme = "Bearer";
    private const string ServiceUrlClaim = "serviceurl";
    private const string EndorsementsParameter = "endorsements";
    private const int MaxTokenLength = 64 * 1024;
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly BotOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<BotFrameworkAuthenticator> _logger;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly TrustedIssuer[] _trustedIssuers;
    private readonly string[] _audiences;

    /// <summary>Creates the authenticator; nothing is fetched until the first request.</summary>
    public BotFrameworkAuthenticator(
        IOptions<BotOptions> options,
        IHttpClientFactory httpClientFactory,
        TimeProvider timeProvider,
        ILogger<BotFrameworkAuthenticator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;

        var appId = _options.AppId?.Trim() ?? string.Empty;
        _audiences = [appId, "api://" + appId];
        var retriever = new HttpClientFactoryDocumentRetriever(httpClientFactory, HttpClientName);
        _trustedIssuers = CreateTrustedIssuers(_options, retriever, timeProvider, logger);

        if (IsDisabled)
        {
            LogAuthDisabled(logger);
        }
    }

    /// <inheritdoc />
    public bool IsDisabled => _options.AuthDisabled;

    /// <inheritdoc />
    public async Task<AuthenticationOutcome> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (IsDisabled)
        {
            return AuthenticationOutcome.Success(new ClaimsIdentity());
        }

        var token = ReadBearerToken(authorizationHeader, out var headerFailure);
        if (token is null)
        {
            return Reject(headerFailure!);
        }

        var issuerClaim = ReadUnverifiedIssuer(token, out var shapeFailure);
        if (issuerClaim is null)
        {
            return Reject(shapeFailure!);
        }

        var trusted = Array.Find(_trustedIssuers, t => t.Issuers.Contains(issuerClaim, StringComparer.Ordinal));
        if (trusted is null)
        {
            return Reject(AuthFailureReasons.UntrustedIssuer);
        }

        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await trusted.Metadata.GetAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            LogMetadataUnavailable(_logger, ex, trusted.Metadata.MetadataAddress);
            return Reject(AuthFailureReasons.SigningKeysUnavailable);
        }

        var result = await ValidateAsync(token, trusted, configuration).ConfigureAwait(false);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            var refreshed = await trusted.Metadata.RefreshAsync(configuration, cancellationToken).ConfigureAwait(false);
            if (refreshed is not null)
            {
                configuration = refreshed;
                result = await ValidateAsync(token, trusted, configuration).ConfigureAwait(false);
            }
        }

        if (!result.IsValid)
        {
            return Reject(Describe(result.Exception));
        }

        if (trusted.IsBotFramework)
        {
            var failure = CheckBotFrameworkClaims(result, configuration, activity);
            if (failure is not null)
            {
                return Reject(failure);
            }
        }

        return AuthenticationOutcome.Success(result.ClaimsIdentity);
    }

    private static TrustedIssuer[] CreateTrustedIssuers(BotOptions options, HttpClientFactoryDocumentRetriever retriever, TimeProvider timeProvider, ILogger logger)
    {
        var botFramework = new TrustedIssuer(
            "BotFramework",
            [options.BotFrameworkIssuer],
            new OpenIdMetadataSource(options.BotFrameworkOpenIdMetadataUrl, retriever, timeProvider, logger),
            IsBotFramework: true);

        // A managed identity bot is single-tenant too: its tenant's Entra ID may sign the tokens sent to it.
        var tenant = options.TenantId?.Trim();
        if (options.AppType == BotAppType.MultiTenant || string.IsNullOrEmpty(tenant))
        {
            return [botFramework];
        }

        var authorityHost = options.EntraAuthorityHost.TrimEnd('/');
        var entra = new TrustedIssuer(
            "EntraId",
            [$"https://sts.windows.net/{tenant}/", $"{authorityHost}/{tenant}/v2.0"],
            new OpenIdMetadataSource($"{authorityHost}/{tenant}/v2.0/.well-known/openid-configuration", retriever, timeProvider, logger),
            IsBotFramework: false);
        return [botFramework, entra];
    }

    private static string? ReadBearerToken(string? authorizationHeader, out string? failure)
    {
        var header = authorizationHeader.AsSpan().Trim();
        if (header.IsEmpty)
        {
            failure = AuthFailureReasons.MissingBearerToken;
            return null;
        }

        var space = header.IndexOf(' ');
        var scheme = space < 0 ? header : header[..space];
        if (!scheme.Equals(BearerScheme, StringComparison.OrdinalIgnoreCase))
        {
            failure = AuthFailureReasons.NotBearerScheme;
            return null;
        }

        var token = space < 0 ? [] : header[(space + 1)..].Trim();
        if (token.IsEmpty)
        {
            failure = AuthFailureReasons.MissingBearerToken;
            return null;
        }

        failure = null;
        return token.ToString();
    }

    // Only picks which issuer's keys to check against; nothing read here is trusted until the signature is. A token that
    // cannot be parsed, is unsigned (alg "none") or uses an algorithm we never accept is refused here, before any signing
    // keys are fetched: a stream of junk tokens must not make the bot call the issuer.
    private static string? ReadUnverifiedIssuer(string token, out string? failure)
    {
        failure = AuthFailureReasons.MalformedToken;
        if (token.Length > MaxTokenLength)
        {
            return null;
        }

        JsonWebToken jwt;
        try
        {
            jwt = new JsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (SecurityTokenException)
        {
            return null;
        }

        if (jwt.IsEncrypted)
        {
            return null;
        }

        if (!string.Equals(jwt.Alg, SecurityAlgorithms.RsaSha256, StringComparison.Ordinal) || string.IsNullOrEmpty(jwt.EncodedSignature))
        {
            failure = AuthFailureReasons.SignatureNotValid;
            return null;
        }

        failure = null;
        return jwt.Issuer ?? string.Empty;
    }

    private Task<TokenValidationResult> ValidateAsync(string token, TrustedIssuer trusted, OpenIdConnectConfiguration configuration)
    {
        var parameters = new TokenValidationParameters
        {
            AuthenticationType = trusted.Name,
            ValidIssuers = trusted.Issuers,
            ValidAudiences = _audiences,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            LifetimeValidator = ValidateLifetime,
            ClockSkew = ClockSkew,
        };
        return _handler.ValidateTokenAsync(token, parameters);
    }

    // The handler's built-in lifetime check reads the machine clock; this one reads the injected TimeProvider.
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        if (expires is null)
        {
            throw new SecurityTokenNoExpirationException("The token has no expiry.");
        }

        var now = _timeProvider.GetUtcNow().UtcDateTime;
        if (notBefore is { } start && start > now + ClockSkew)
        {
            throw new SecurityTokenNotYetValidException("The token is not valid yet.") { NotBefore = start };
        }

        if (expires.Value < now - ClockSkew)
        {
            throw new SecurityTokenExpiredException("The token has expired.") { Expires = expires.Value };
        }

        return true;
    }

    private static string? CheckBotFrameworkClaims(TokenValidationResult result, OpenIdConnectConfiguration configuration, Activity activity)
    {
        var serviceUrlClaim = result.ClaimsIdentity.Claims
            .FirstOrDefault(c => string.Equals(c.Type, ServiceUrlClaim, StringComparison.OrdinalIgnoreCase))?.Value;
        if (string.IsNullOrWhiteSpace(serviceUrlClaim))
        {
            return AuthFailureReasons.MissingServiceUrlClaim;
        }

        if (!SameServiceUrl(serviceUrlClaim, activity.ServiceUrl))
        {
            return AuthFailureReasons.ServiceUrlMismatch;
        }

        return IsEndorsedFor(result.SecurityToken, configuration, activity.ChannelId) ? null : AuthFailureReasons.ChannelNotEndorsed;
    }

    private static bool SameServiceUrl(string claimed, string? activityServiceUrl) =>
        activityServiceUrl is not null
        && string.Equals(claimed.Trim().TrimEnd('/'), activityServiceUrl.Trim().TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    // Bot Framework keys list the channels they may sign for; a key without that list is not restricted.
    private static bool IsEndorsedFor(SecurityToken token, OpenIdConnectConfiguration configuration, string? channelId)
    {
        if (string.IsNullOrEmpty(channelId))
        {
            return true;
        }

        var keyId = token.SigningKey?.KeyId ?? (token as JsonWebToken)?.Kid;
        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, keyId, StringComparison.Ordinal));
        if (key is null || !key.AdditionalData.TryGetValue(EndorsementsParameter, out var endorsements))
        {
            return true;
        }

        return ReadStrings(endorsements).Contains(channelId, StringComparer.OrdinalIgnoreCase);
    }

    private static IEnumerable<string> ReadStrings(object? value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray()
            .Where(e => e.ValueKind == JsonValueKind.String)
            .Select(e => e.GetString()!),
        IEnumerable<object> items => items.OfType<string>(),
        _ => [],
    };

    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => AuthFailureReasons.TokenExpired,
        SecurityTokenNotYetValidException => AuthFailureReasons.TokenNotYetValid,
        SecurityTokenNoExpirationException => AuthFailureReasons.NoExpiry,
        SecurityTokenInvalidAudienceException => AuthFailureReasons.WrongAudience,
        SecurityTokenInvalidIssuerException => AuthFailureReasons.UntrustedIssuer,
        SecurityTokenSignatureKeyNotFoundException
            or SecurityTokenInvalidSignatureException
            or SecurityTokenInvalidAlgorithmException => AuthFailureReasons.SignatureNotValid,
        SecurityTokenMalformedException or ArgumentException => AuthFailureReasons.MalformedToken,
        _ => AuthFailureReasons.TokenNotValid,
    };

    private AuthenticationOutcome Reject(string reason)
    {
        LogRejected(_logger, reason);
        return AuthenticationOutcome.Fail(reason);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot:AppId is not set: inbound requests are NOT authenticated. Use this only for local development.")]
    private static partial void LogAuthDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not fetch signing keys from {MetadataAddress}")]
    private static partial void LogMetadataUnavailable(ILogger logger, Exception exception, string metadataAddress);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Rejected an inbound request: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);

    private sealed record TrustedIssuer(string Name, string[] Issuers, OpenIdMetadataSource Metadata, bool IsBotFramework);
}
