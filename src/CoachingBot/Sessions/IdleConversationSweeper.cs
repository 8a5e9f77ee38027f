namespace CoachingBot.Sessions;

/// <summary>Turns conversations left untouched for a week into drafts: kept and resumable, never lost.</summary>
public sealed partial class IdleConversationSweeper : BackgroundService
{
    public static readonly TimeSpan IdleAfter = TimeSpan.FromDays(7);
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    private readonly ICoachingConversationStore _conversations;
    private readonly TimeProvider _time;
    private readonly ILogger<IdleConversationSweeper> _logger;

    public IdleConversationSweeper(ICoachingConversationStore conversations, TimeProvider time, ILogger<IdleConversationSweeper> logger)
    {
        _conversations = conversations;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, _time);
        do
        {
            try
            {
                var drafted = await _conversations.MarkIdleAsDraftsAsync(_time.GetUtcNow() - IdleAfter, stoppingToken).ConfigureAwait(false);
                LogSwept(drafted);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogSweepFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Kept {Count} idle coaching conversations as drafts")]
    private partial void LogSwept(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Keeping idle conversations as drafts failed; will try again")]
    private partial void LogSweepFailed(Exception exception);
}
