using System.Security.Claims;
using CoachingBot.Teams.Schema;

namespace CoachingBot.Teams.Auth;

/// <summary>Checks that an inbound activity really comes from the Bot Framework (or Entra ID) for this bot.</summary>
public interface IRequestAuthenticator
{
    /// <summary>True when no app id is configured: every request is let through (local development only).</summary>
    bool IsDisabled { get; }

    /// <summary>Validates the <c>Authorization</c> header against the activity it came with.</summary>
    Task<AuthenticationOutcome> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken = default);
}

/// <summary>The outcome of validating an inbound request.</summary>
public sealed class AuthenticationOutcome
{
    private AuthenticationOutcome(ClaimsIdentity? identity, string? failure)
    {
        Identity = identity;
        Failure = failure;
    }

    /// <summary>The validated identity, on success.</summary>
    public ClaimsIdentity? Identity { get; }
    /// <summary>A short reason, safe to log (never the token), on failure.</summary>
    public string? Failure { get; }
    /// <summary>True when the request may proceed.</summary>
    public bool Succeeded => Failure is null;

    /// <summary>A success.</summary>
    public static AuthenticationOutcome Success(ClaimsIdentity identity) => new(identity, null);
    /// <summary>A failure with its reason.</summary>
    public static AuthenticationOutcome Fail(string reason) => new(null, reason);
}
