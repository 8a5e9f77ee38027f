namespace CoachingBot.Sessions;

/// <summary>Turns conversations left untouched for a week into drafts: kept and resumable, never lost.</summary>
public sealed partial class IdleConversationSweeper(ICoachingConversationStore conversations, TimeProvider time, ILogger<IdleConversationSweeper> logger)
    : PeriodicJob(time, logger)
{
    public static readonly TimeSpan IdleAfter = TimeSpan.FromDays(7);

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var drafted = await conversations.MarkIdleAsDraftsAsync(Time.GetUtcNow() - IdleAfter, cancellationToken).ConfigureAwait(false);
        LogSwept(logger, drafted);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Kept {Count} idle coaching conversations as drafts")]
    private static partial void LogSwept(ILogger logger, int count);
}
