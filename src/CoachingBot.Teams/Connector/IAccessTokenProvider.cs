namespace CoachingBot.Teams.Connector;

/// <summary>Gets the bearer token the bot sends with connector calls.</summary>
public interface IAccessTokenProvider
{
    /// <summary>A token for the Bot Framework scope, or null when auth is off (local development).</summary>
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken = default);
}
