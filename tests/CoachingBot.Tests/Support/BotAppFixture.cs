namespace CoachingBot.Tests.Support;

/// <summary>One running bot shared by a test class; each test talks in a conversation of its own.</summary>
public sealed class BotAppFixture : IAsyncLifetime
{
    private BotApp? _app;

    public BotApp App => _app ?? throw new InvalidOperationException("The bot has not started.");

    public async Task InitializeAsync() => _app = await BotApp.StartAsync();

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
