using CoachingBot.Storage;

namespace CoachingBot.Chat;

/// <summary>Forgets processed activity ids after a day; Teams resends within seconds, so a day is ample.</summary>
public sealed partial class ProcessedActivityPruner : BackgroundService
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(1);
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    private readonly IProcessedActivityStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<ProcessedActivityPruner> _logger;

    public ProcessedActivityPruner(IProcessedActivityStore store, TimeProvider time, ILogger<ProcessedActivityPruner> logger)
    {
        _store = store;
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
                var removed = await _store.PruneAsync(Retention, stoppingToken).ConfigureAwait(false);
                LogPruned(removed);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogPruneFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pruned {Count} processed activity ids")]
    private partial void LogPruned(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning processed activity ids failed; will try again")]
    private partial void LogPruneFailed(Exception exception);
}
