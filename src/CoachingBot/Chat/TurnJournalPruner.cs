using CoachingBot.Teams.Hosting;
using Quartz;

namespace CoachingBot.Chat;

/// <summary>
/// Forgets finished turns and settled replies after a day. A finished turn's inbox row is what refuses Teams'
/// resend of it, and Teams resends within seconds, so a day is ample.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class TurnJournalPruner(ITurnJournal journal, ILogger<TurnJournalPruner> logger) : IJob
{
    public const string JobName = "turn-journal-pruner";

    public static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var removed = await journal.PruneAsync(Retention, cancellationToken).ConfigureAwait(false);
        LogPruned(logger, removed);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pruned {Count} finished turns and settled replies")]
    private static partial void LogPruned(ILogger logger, int count);
}
