using System.Collections.Concurrent;

namespace CoachingBot.Teams.Hosting;

/// <summary>
/// A de-duplicator for one process: keeps ids for <see cref="Retention"/> and prunes as it goes. Instances
/// sharing a database should use a store-backed one instead.
/// </summary>
public sealed class InMemoryActivityDeduplicator : IActivityDeduplicator
{
    /// <summary>How long an id is remembered. Teams resends within seconds; an hour is ample.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private long _nextPruneTicks;

    /// <summary>Creates the de-duplicator.</summary>
    public InMemoryActivityDeduplicator(TimeProvider time) => _time = time;

    /// <inheritdoc />
    public ValueTask<bool> TryBeginAsync(string conversationId, string activityId, CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        PruneIfDue(now);
        return ValueTask.FromResult(_seen.TryAdd(conversationId + "|" + activityId, now));
    }

    private void PruneIfDue(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref _nextPruneTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextPruneTicks, now.UtcTicks + TimeSpan.TicksPerMinute, due) != due)
        {
            return;
        }

        var cutoff = now - Retention;
        foreach (var entry in _seen)
        {
            if (entry.Value < cutoff)
            {
                _seen.TryRemove(entry);
            }
        }
    }
}
