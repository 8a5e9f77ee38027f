using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachingBot.Teams.Hosting;

/// <summary>
/// Counts the turns taken in and not yet finished, refuses new ones past the limit, and lets shutdown wait for
/// those in flight so a stop does not cut a turn between saving its state and sending its replies.
/// </summary>
public sealed partial class TurnTracker : IHostedService, IDisposable
{
    private readonly BotHostingOptions _options;
    private readonly ILogger<TurnTracker> _logger;
    private static readonly TimeSpan CancelledGrace = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _abort = new();
    private readonly Lock _gate = new();
    private readonly HashSet<Task> _running = [];

    /// <summary>Creates the tracker.</summary>
    public TurnTracker(IOptions<BotHostingOptions> options, ILogger<TurnTracker> logger)
    {
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Cancelled when shutdown has waited long enough.</summary>
    public CancellationToken Aborted => _abort.Token;

    /// <summary>Turns queued or running now.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _running.Count;
            }
        }
    }

    /// <summary>True when another turn can be taken in.</summary>
    public bool HasCapacity => Pending < _options.MaxPendingTurns;

    /// <summary>Keeps <paramref name="turn"/> in view until it ends.</summary>
    public void Track(Task turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        lock (_gate)
        {
            _running.Add(turn);
        }

        turn.ContinueWith(
            finished =>
            {
                lock (_gate)
                {
                    _running.Remove(finished);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>Waits until nothing tracked is running, including work started by the work awaited.</summary>
    internal async Task WhenIdleAsync()
    {
        while (true)
        {
            Task[] running;
            lock (_gate)
            {
                running = [.. _running];
            }

            if (running.Length == 0)
            {
                return;
            }

            await Task.WhenAll(running).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task[] running;
        lock (_gate)
        {
            running = [.. _running];
        }

        if (running.Length == 0)
        {
            return;
        }

        LogDraining(running.Length);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.DrainTimeout);
        try
        {
            await Task.WhenAll(running).WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            LogDrainTimedOut(Pending);
            await _abort.CancelAsync().ConfigureAwait(false);
            // Cancelled turns stop at their next await and leave their work in the journal; let them get there
            // before the host disposes the services they are using.
            try
            {
                await Task.WhenAll(running).WaitAsync(CancelledGrace, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Whatever they did on the way out was logged where it happened.
            }
        }
        catch (Exception)
        {
            // Turn failures were logged where they happened; shutdown only waits for them.
        }
    }

    /// <inheritdoc />
    public void Dispose() => _abort.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Waiting for {Count} turns in flight before stopping")]
    private partial void LogDraining(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopped waiting; {Count} turns still running are cancelled")]
    private partial void LogDrainTimedOut(int count);
}
