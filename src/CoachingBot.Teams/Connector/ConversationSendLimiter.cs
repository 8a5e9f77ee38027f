using System.Threading.RateLimiting;

namespace CoachingBot.Teams.Connector;

/// <summary>
/// Paces the sends to one conversation under several sliding windows at once (Teams counts 1 s, 2 s, 30 s and
/// 1 h). It keeps the times of recent sends; a caller over a limit is given the earliest time every window
/// allows, that slot is booked for it at once (so waiters go first come, first served), and it waits until then.
/// </summary>
/// <remarks>
/// Written over <see cref="TimeProvider"/> rather than chaining the framework's window limiters, which run on
/// the machine clock and a timer each: this one is exact for several windows, needs no timer of its own, and
/// tests drive it with a fake clock. It reports <see cref="IdleDuration"/> only once the longest window holds no
/// send, so <see cref="PartitionedRateLimiter"/> drops a conversation's limiter only when it has nothing left to
/// remember.
/// </remarks>
internal sealed class ConversationSendLimiter : RateLimiter
{
    private static readonly RateLimitLease Granted = new Lease(acquired: true, retryAfter: null);

    private readonly TimeProvider _time;
    private readonly SendRateWindow[] _windows;
    private readonly long[] _windowTicks;
    private readonly long _longestWindowTicks;
    private readonly int _queueLimit;
    private readonly Lock _lock = new();
    // Timestamps (TimeProvider units) of sends made or booked, ascending; booked ones lie in the future.
    private readonly List<long> _sends = [];
    private readonly long _createdAt;
    private int _waiting;
    private long _succeeded;
    private long _refused;
    private bool _disposed;

    public ConversationSendLimiter(TimeProvider timeProvider, IReadOnlyList<SendRateWindow> windows, int queueLimit)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentOutOfRangeException.ThrowIfNegative(queueLimit);
        if (windows.Count == 0 || windows.Any(w => w.Length <= TimeSpan.Zero || w.Limit <= 0))
        {
            throw new ArgumentException("Give at least one window, each with a positive length and limit.", nameof(windows));
        }

        _time = timeProvider;
        _windows = [.. windows];
        _windowTicks = [.. _windows.Select(w => ToTimestampUnits(w.Length))];
        _longestWindowTicks = _windowTicks.Max();
        _queueLimit = queueLimit;
        _createdAt = _time.GetTimestamp();
    }

    /// <summary>
    /// One limiter per conversation id, made on first use; an idle one is dropped by the partitioned limiter.
    /// </summary>
    public static PartitionedRateLimiter<string> CreatePerConversation(TimeProvider timeProvider, int queueLimit) =>
        PartitionedRateLimiter.Create<string, string>(
            conversationId => RateLimitPartition.Get(
                conversationId,
                _ => new ConversationSendLimiter(timeProvider, SendRateWindow.TeamsPerConversation, queueLimit)),
            StringComparer.Ordinal);

    /// <summary>How long every window has been empty; null while any still counts a send.</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_lock)
            {
                var now = _time.GetTimestamp();
                var idleSince = _sends.Count == 0 ? _createdAt : _sends[^1] + _longestWindowTicks;
                return now >= idleSince ? _time.GetElapsedTime(idleSince, now) : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            var available = int.MaxValue;
            for (var i = 0; i < _windows.Length; i++)
            {
                var inWindow = _sends.Count(send => send > now - _windowTicks[i]);
                available = Math.Min(available, Math.Max(0, _windows[i].Limit - inWindow));
            }

            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = _waiting > 0 ? 0 : available,
                CurrentQueuedCount = _waiting,
                TotalSuccessfulLeases = _succeeded,
                TotalFailedLeases = _refused,
            };
        }
    }

    /// <summary>Takes a permit only if one is free now. A count of 0 asks without taking.</summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        CheckPermitCount(permitCount);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = _time.GetTimestamp();
            var slot = NextSlot(now);
            if (slot > now)
            {
                _refused++;
                return new Lease(acquired: false, _time.GetElapsedTime(now, slot));
            }

            if (permitCount == 1)
            {
                _sends.Add(now);
            }

            _succeeded++;
            return Granted;
        }
    }

    /// <summary>Takes a permit, waiting for it when needed; refuses without waiting when the queue is full.</summary>
    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (permitCount == 0)
        {
            return AttemptAcquireCore(0);
        }

        CheckPermitCount(permitCount);
        long slot;
        TimeSpan wait;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = _time.GetTimestamp();
            slot = NextSlot(now);
            if (slot <= now)
            {
                _sends.Add(now);
                _succeeded++;
                return Granted;
            }

            wait = _time.GetElapsedTime(now, slot);
            if (_waiting >= _queueLimit)
            {
                _refused++;
                return new Lease(acquired: false, wait);
            }

            _sends.Add(slot);
            _waiting++;
        }

        try
        {
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            lock (_lock)
            {
                // Later bookings keep their slots; they are at worst a little later than needed.
                _sends.Remove(slot);
                _waiting--;
            }

            throw;
        }

        lock (_lock)
        {
            _waiting--;
            _succeeded++;
        }

        return Granted;
    }

    protected override void Dispose(bool disposing)
    {
        lock (_lock)
        {
            _disposed = true;
        }

        base.Dispose(disposing);
    }

    /// <summary>The earliest time at or after <paramref name="now"/>, and after every booking, that all windows allow a send.</summary>
    private long NextSlot(long now)
    {
        var forgetBefore = now - _longestWindowTicks;
        var stale = 0;
        while (stale < _sends.Count && _sends[stale] <= forgetBefore)
        {
            stale++;
        }

        _sends.RemoveRange(0, stale);

        var count = _sends.Count;
        var slot = count == 0 ? now : Math.Max(now, _sends[count - 1]);
        for (var i = 0; i < _windows.Length; i++)
        {
            // Every send is at or before the slot, so the window (slot - length, slot] holds fewer than Limit
            // sends exactly when the Limit-th latest one has left it.
            var limit = _windows[i].Limit;
            if (count >= limit)
            {
                slot = Math.Max(slot, _sends[count - limit] + _windowTicks[i]);
            }
        }

        return slot;
    }

    private long ToTimestampUnits(TimeSpan span) =>
        (long)Math.Ceiling(span.Ticks * (double)_time.TimestampFrequency / TimeSpan.TicksPerSecond);

    private static void CheckPermitCount(int permitCount)
    {
        if (permitCount is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(permitCount), permitCount, "A send takes one permit.");
        }
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames =>
            retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (retryAfter is { } value && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = value;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}
