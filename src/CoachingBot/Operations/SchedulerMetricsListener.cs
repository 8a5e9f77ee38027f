using Quartz;

namespace CoachingBot.Operations;

/// <summary>Counts the jobs that fire, how late, and the triggers that misfire (<see cref="AppTelemetry"/>).</summary>
internal sealed class SchedulerMetricsListener(AppMetrics metrics) : ITriggerListener
{
    public string Name => nameof(SchedulerMetricsListener);

    public ValueTask TriggerFired(ITrigger trigger, IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (metrics.Jobs.Enabled || metrics.Lateness.Enabled)
        {
            var job = new KeyValuePair<string, object?>(AppTelemetry.Tags.Job, context.JobDetail.JobType.Type.Name);
            metrics.Jobs.Add(1, job);
            if (context.ScheduledFireTimeUtc is { } scheduled)
            {
                var late = context.FireTimeUtc - scheduled;
                metrics.Lateness.Record(late > TimeSpan.Zero ? late.TotalSeconds : 0, job);
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask TriggerMisfired(ITrigger trigger, IScheduler scheduler, CancellationToken cancellationToken = default)
    {
        if (metrics.Misfires.Enabled)
        {
            metrics.Misfires.Add(1);
        }

        return ValueTask.CompletedTask;
    }
}
