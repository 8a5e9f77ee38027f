using CoachingBot.Storage;

namespace CoachingBot.Chat;

/// <summary>Forgets processed activity ids after a day; Teams resends within seconds, so a day is ample.</summary>
public sealed partial class ProcessedActivityPruner(IProcessedActivityStore store, TimeProvider time, ILogger<ProcessedActivityPruner> logger)
    : PeriodicJob(time, logger)
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var removed = await store.PruneAsync(Retention, cancellationToken).ConfigureAwait(false);
        LogPruned(logger, removed);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pruned {Count} processed activity ids")]
    private static partial void LogPruned(ILogger logger, int count);
}
