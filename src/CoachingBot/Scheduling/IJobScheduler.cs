using Quartz;

namespace CoachingBot.Scheduling;

/// <summary>
/// Schedules one-off jobs at run time (a check-in for one user, say). A scheduled job is kept in the database: it
/// fires once across the deployment, also after a restart, and late by <see cref="SchedulingExtensions.OneOffMisfirePolicy"/>
/// when no instance ran at its time. Declare the job type at start with <see cref="SchedulingExtensions.AddOneOffJob{TJob}"/>.
/// </summary>
/// <remarks>
/// A job is asked to be re-run when the instance running it dies before it finishes, so it may run a second
/// time after a crash: a job must be safe to repeat (record what it has done, check before doing it again).
/// <see cref="IJobExecutionContext.ScheduledFireTimeUtc"/> against the clock tells a job how late it runs.
/// </remarks>
public interface IJobScheduler
{
    /// <summary>
    /// Runs <typeparamref name="TJob"/> once at <paramref name="runAt"/>, with <paramref name="data"/> in its
    /// <see cref="IJobExecutionContext.MergedJobDataMap"/>. Scheduling a key that is already scheduled replaces it.
    /// </summary>
    Task ScheduleOnceAsync<TJob>(
        JobKey key, DateTimeOffset runAt, IReadOnlyDictionary<string, string>? data = null, CancellationToken cancellationToken = default)
        where TJob : class, IJob;

    /// <summary>Removes a scheduled job that has not fired yet; false when there was none under <paramref name="key"/>.</summary>
    Task<bool> CancelAsync(JobKey key, CancellationToken cancellationToken = default);
}
