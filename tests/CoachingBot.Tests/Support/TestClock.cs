using System.Diagnostics;

namespace CoachingBot.Tests.Support;

/// <summary>
/// A clock that starts at a fixed instant and runs at real speed, so dates in tests never depend on the day they
/// run, while timers, retries and rate windows still move on their own.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    /// <summary>Monday 2 March 2026, 09:00 UTC: the "now" the bot sees in app tests.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly long _started = Stopwatch.GetTimestamp();

    public TestClock()
        : this(DefaultStart)
    {
    }

    public override DateTimeOffset GetUtcNow() => start + Stopwatch.GetElapsedTime(_started);
}
