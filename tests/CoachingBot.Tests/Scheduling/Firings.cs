using System.Collections.Concurrent;
using Quartz;

namespace CoachingBot.Tests.Scheduling;

public sealed record Firing(string Job, string SchedulerInstance, DateTimeOffset? ScheduledFor, IReadOnlyDictionary<string, string> Data);

/// <summary>Every firing of <see cref="RecordingJob"/>, shared by all the scheduler hosts of one test.</summary>
public sealed class Firings
{
    private readonly ConcurrentQueue<Firing> _all = new();
    private readonly Lock _gate = new();
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];

    public IReadOnlyList<Firing> All => [.. _all];

    public void Add(Firing firing)
    {
        _all.Enqueue(firing);
        lock (_gate)
        {
            foreach (var waiter in _waiters.Where(w => _all.Count >= w.Count))
            {
                waiter.Reached.TrySetResult();
            }
        }
    }

    /// <summary>Completes once <paramref name="count"/> firings have been recorded; fails after <paramref name="timeout"/>.</summary>
    public Task WaitForAsync(int count, TimeSpan timeout)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_all.Count >= count)
            {
                return Task.CompletedTask;
            }

            _waiters.Add((count, reached));
        }

        return reached.Task.WaitAsync(timeout);
    }
}

/// <summary>A one-off job that only records that it ran, where, and for which scheduled time.</summary>
public sealed class RecordingJob : IJob
{
    private readonly Firings _firings;

    public RecordingJob(Firings firings) => _firings = firings;

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = context.MergedJobDataMap.ToDictionary(entry => entry.Key, entry => entry.Value?.ToString() ?? "");
        _firings.Add(new Firing(context.JobDetail.Key.Name, context.Scheduler.SchedulerInstanceId, context.ScheduledFireTimeUtc, data));
        return ValueTask.CompletedTask;
    }
}
