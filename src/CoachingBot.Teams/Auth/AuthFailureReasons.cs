namespace CoachingBot.Teams.Auth;

/// <summary>The short, log-safe reasons <see cref="BotFrameworkAuthenticator"/> gives for a rejected request.</summary>
internal static class AuthFailureReasons
{
    public const string MissingBearerToken = "missing bearer token";
    public const string NotBearerScheme = "not a bearer token";
    public const string MalformedToken = "malformed token";
    public const string UntrustedIssuer = "untrusted issuer";
    public const string WrongAudience = "wrong audience";
    public const string SignatureNotValid = "signature not valid";
    public const string TokenExpired = "token expired";
    public const string TokenNotYetValid = "token not yet valid";
    public const string NoExpiry = "token has no expiry";
    public const string MissingServiceUrlClaim = "token has no serviceUrl claim";
    public const string ServiceUrlMismatch = "serviceUrl claim does not match the activity";
    public const string ChannelNotEndorsed = "signing key not endorsed for the activity's channel";
    public const string SigningKeysUnavailable = "signing keys unavailable";
    public const string TokenNotValid = "token not valid";
}
