namespace CoachingBot.Teams.Tests.Connector;

/// <summary>
/// A clock that stands still until something waits on it. A timer due sooner than <see cref="HoldFrom"/> fires on
/// its own straight away (on the thread pool), moving the clock to its due time and recording the wait in
/// <see cref="Waits"/>; so retry backoff and pacing are asserted without sleeping. A timer due at
/// <see cref="HoldFrom"/> or later (the per-attempt timeouts) fires only when <see cref="Advance"/> reaches it.
/// Periodic timers fire once.
/// </summary>
public sealed class FakeTimeProvider : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<TimeSpan> _waits = [];
    private readonly List<FakeTimer> _held = [];
    private DateTimeOffset _now;

    public FakeTimeProvider(DateTimeOffset start, TimeSpan holdFrom)
    {
        _now = start;
        HoldFrom = holdFrom;
    }

    public TimeSpan HoldFrom { get; }

    /// <summary>The due times of the timers that fired on their own, in the order they were set.</summary>
    public IReadOnlyList<TimeSpan> Waits
    {
        get
        {
            lock (_lock)
            {
                return [.. _waits];
            }
        }
    }

    /// <summary>The due times, from now, of the timers waiting for <see cref="Advance"/>.</summary>
    public IReadOnlyList<TimeSpan> HeldDueIn
    {
        get
        {
            lock (_lock)
            {
                return [.. _held.Select(timer => timer.DueAt - _now).Order()];
            }
        }
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock on and fires the held timers that have come due.</summary>
    public void Advance(TimeSpan by)
    {
        List<(FakeTimer Timer, int Generation)> due;
        lock (_lock)
        {
            _now += by;
            due = [.. _held.Where(timer => timer.DueAt <= _now).Select(timer => (timer, timer.Generation))];
            _held.RemoveAll(timer => timer.DueAt <= _now);
        }

        foreach (var (timer, generation) in due)
        {
            timer.Fire(generation);
        }
    }

    private bool Schedule(FakeTimer timer, TimeSpan dueTime)
    {
        int generation;
        lock (_lock)
        {
            _held.Remove(timer);
            generation = ++timer.Generation;
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return true;
            }

            timer.DueAt = _now + dueTime;
            if (dueTime >= HoldFrom)
            {
                _held.Add(timer);
                return true;
            }

            _waits.Add(dueTime);
        }

        ThreadPool.UnsafeQueueUserWorkItem(
            static state =>
            {
                var (timer, generation) = state;
                lock (timer.Owner._lock)
                {
                    if (timer.Generation != generation)
                    {
                        return;
                    }

                    if (timer.DueAt > timer.Owner._now)
                    {
                        timer.Owner._now = timer.DueAt;
                    }
                }

                timer.Fire(generation);
            },
            (timer, generation),
            preferLocal: false);
        return true;
    }

    private void Cancel(FakeTimer timer)
    {
        lock (_lock)
        {
            timer.Generation++;
            _held.Remove(timer);
        }
    }

    private sealed class FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public FakeTimeProvider Owner { get; } = owner;

        public DateTimeOffset DueAt { get; set; }

        public int Generation { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period) => Owner.Schedule(this, dueTime);

        public void Fire(int generation)
        {
            lock (Owner._lock)
            {
                if (Generation != generation)
                {
                    return;
                }

                Generation++;
            }

            callback(state);
        }

        public void Dispose() => Owner.Cancel(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
