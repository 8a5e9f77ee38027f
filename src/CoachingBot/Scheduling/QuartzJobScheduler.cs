using Quartz;

namespace CoachingBot.Scheduling;

internal sealed class QuartzJobScheduler(ISchedulerFactory schedulers, TimeProvider time) : IJobScheduler
{
    public async Task ScheduleOnceAsync<TJob>(
        JobKey key, DateTimeOffset runAt, IReadOnlyDictionary<string, string>? data = null, CancellationToken cancellationToken = default)
        where TJob : class, IJob
    {
        ArgumentNullException.ThrowIfNull(key);
        var jobData = new JobDataMap();
        foreach (var (name, value) in data ?? new Dictionary<string, string>())
        {
            jobData[name] = value;
        }

        var job = JobBuilder.Create<TJob>()
            .WithIdentity(key)
            .UsingJobData(jobData)
            .RequestRecovery()
            .Build();
        var trigger = TriggerBuilder.Create(time)
            .WithIdentity(key.Name, key.Group)
            .ForJob(job)
            .StartAt(runAt)
            .WithSimpleSchedule(schedule => schedule.WithMisfireInstruction(SchedulingExtensions.OneOffMisfirePolicy))
            .Build();

        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        await scheduler.ScheduleJob(job, trigger, ScheduleJobOptions.Replacing, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> CancelAsync(JobKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        return await scheduler.DeleteJob(key, cancellationToken).ConfigureAwait(false);
    }
}
