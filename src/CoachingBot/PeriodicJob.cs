namespace CoachingBot;

/// <summary>
/// Housekeeping that runs at start and then every <see cref="Interval"/> on the injected clock. A failed run is
/// logged and tried again next time; it never stops the host.
/// </summary>
public abstract partial class PeriodicJob : BackgroundService
{
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    protected PeriodicJob(TimeProvider time, ILogger logger)
    {
        _time = time;
        _logger = logger;
    }

    protected abstract TimeSpan Interval { get; }

    protected TimeProvider Time => _time;

    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, _time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogRunFailed(exception, GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Job} failed; it will run again at its next interval")]
    private partial void LogRunFailed(Exception exception, string job);
}
