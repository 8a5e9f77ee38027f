namespace CoachingBot.Teams.Connector;

/// <summary>Used when <c>Bot:AppId</c> is empty (local development): connector calls go out without a token.</summary>
public sealed class NoAuthTokenProvider : IAccessTokenProvider
{
    /// <inheritdoc />
    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult<string?>(null);
}
