using CoachingBot.Tests.Support;

namespace CoachingBot.Tests.Durability;

/// <summary>
/// One bot that a test stops (SIGKILL or SIGTERM) and starts again on the same storage, many times. Senders ask it
/// where the bot is now; while it is down they wait for the next start.
/// </summary>
internal sealed class RestartingBot : IAsyncDisposable
{
    private readonly string _dataFolder;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private BotProcess _current;
    private TaskCompletionSource<Uri> _up = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RestartingBot(string dataFolder, IReadOnlyDictionary<string, string> settings, BotProcess first)
    {
        _dataFolder = dataFolder;
        _settings = settings;
        _current = first;
        _up.SetResult(first.BaseAddress);
    }

    public int Starts { get; private set; } = 1;

    public BotProcess Current => _current;

    public static async Task<RestartingBot> StartAsync(string dataFolder, IReadOnlyDictionary<string, string> settings) =>
        new(dataFolder, settings, await BotProcess.StartAsync(dataFolder, settings));

    /// <summary>The running bot's address; waits while it is down.</summary>
    public Task<Uri> AddressAsync(CancellationToken cancellationToken) => Volatile.Read(ref _up).Task.WaitAsync(cancellationToken);

    /// <summary>SIGKILL, then a new process on the same storage.</summary>
    public Task KillAndRestartAsync() => RestartAsync(async bot => await bot.KillAsync());

    /// <summary>SIGTERM, waiting up to <paramref name="timeout"/> for the exit, then a new process. Returns how long the exit took.</summary>
    public async Task<TimeSpan> TerminateAndRestartAsync(TimeSpan timeout)
    {
        var took = TimeSpan.Zero;
        await RestartAsync(async bot => took = await bot.TerminateAsync(timeout));
        return took;
    }

    public async ValueTask DisposeAsync() => await _current.DisposeAsync();

    private async Task RestartAsync(Func<BotProcess, Task> stop)
    {
        // New sends wait from here on rather than hit a dying process.
        var down = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _up, down);
        await stop(_current);
        await _current.DisposeAsync();
        _current = await BotProcess.StartAsync(_dataFolder, _settings);
        Starts++;
        down.SetResult(_current.BaseAddress);
    }
}
