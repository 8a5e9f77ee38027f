namespace CoachingBot.Teams.Connector;

/// <summary>An access token as an issuer handed it out.</summary>
/// <param name="Value">The bearer token; never logged.</param>
/// <param name="ExpiresOn">When the issuer stops accepting it.</param>
internal sealed record IssuedToken(string Value, DateTimeOffset ExpiresOn);
