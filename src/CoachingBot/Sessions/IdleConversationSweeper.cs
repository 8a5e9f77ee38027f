using Quartz;

namespace CoachingBot.Sessions;

/// <summary>Turns conversations left untouched for a week into drafts: kept and resumable, never lost.</summary>
[DisallowConcurrentExecution]
public sealed partial class IdleConversationSweeper(ICoachingConversationStore conversations, TimeProvider time, ILogger<IdleConversationSweeper> logger)
    : IJob
{
    public const string JobName = "idle-conversation-sweeper";

    public static readonly TimeSpan IdleAfter = TimeSpan.FromDays(7);

    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var drafted = await conversations.MarkIdleAsDraftsAsync(time.GetUtcNow() - IdleAfter, cancellationToken).ConfigureAwait(false);
        LogSwept(logger, drafted);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Kept {Count} idle coaching conversations as drafts")]
    private static partial void LogSwept(ILogger logger, int count);
}
