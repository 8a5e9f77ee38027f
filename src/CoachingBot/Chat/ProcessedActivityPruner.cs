using CoachingBot.Teams.Hosting;

namespace CoachingBot.Chat;

/// <summary>
/// Forgets finished turns and settled replies after a day. A finished turn's inbox row is what refuses Teams'
/// resend of it, and Teams resends within seconds, so a day is ample.
/// </summary>
public sealed partial class ProcessedActivityPruner(ITurnJournal store, TimeProvider time, ILogger<ProcessedActivityPruner> logger)
    : PeriodicJob(time, logger)
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var removed = await store.PruneAsync(Retention, cancellationToken).ConfigureAwait(false);
        LogPruned(logger, removed);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pruned {Count} finished turns and settled replies")]
    private static partial void LogPruned(ILogger logger, int count);
}
