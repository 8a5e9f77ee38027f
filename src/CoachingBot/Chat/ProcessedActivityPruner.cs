using CoachingBot.Storage;
using Quartz;

namespace CoachingBot.Chat;

/// <summary>Forgets processed activity ids after a day; Teams resends within seconds, so a day is ample.</summary>
[DisallowConcurrentExecution]
public sealed partial class ProcessedActivityPruner(IProcessedActivityStore store, ILogger<ProcessedActivityPruner> logger) : IJob
{
    public const string JobName = "processed-activity-pruner";

    public static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var removed = await store.PruneAsync(Retention, cancellationToken).ConfigureAwait(false);
        LogPruned(logger, removed);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pruned {Count} processed activity ids")]
    private static partial void LogPruned(ILogger logger, int count);
}
