using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace CoachingBot.Scheduling;

/// <summary>
/// One Quartz scheduler for the whole deployment, its schedule kept in the app's database (see
/// <see cref="SchedulerDatabase"/>), so that a job fires once however many instances run, and survives a restart.
/// Features declare recurring jobs with <see cref="AddRecurringJob{TJob}"/> and schedule one-off jobs at run time
/// through <see cref="IJobScheduler"/>.
/// </summary>
public static class SchedulingExtensions
{
    /// <summary>The group every job declared with <see cref="AddRecurringJob{TJob}"/> is kept in.</summary>
    public const string RecurringGroup = "recurring";

    /// <summary>The scheduler's name: every instance uses the same one, which is what makes them one cluster.</summary>
    public const string SchedulerName = "CoachingBot";

    /// <summary>
    /// A recurring job missed while no instance ran (or while every instance was busy for longer than the store's
    /// misfire threshold, a minute) runs once as soon as an instance is up, and then every interval from then on: the
    /// missed runs are not repeated one by one.
    /// </summary>
    public const SimpleTriggerMisfireInstruction RecurringMisfirePolicy = SimpleTriggerMisfireInstruction.NowWithExistingCount;

    /// <summary>A one-off job whose time passed while no instance ran fires once, as soon as an instance is up.</summary>
    public const SimpleTriggerMisfireInstruction OneOffMisfirePolicy = SimpleTriggerMisfireInstruction.FireNow;

    /// <summary>
    /// Registers the scheduler and its hosted service, which starts it once the application has started (after the
    /// database migration that creates its tables) and lets running jobs finish when the host stops.
    /// Call after <see cref="Storage.StorageExtensions.AddCoachingStorage"/>, whose database it shares.
    /// </summary>
    public static IHostApplicationBuilder AddCoachingScheduler(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SchedulerDatabase>();
        services.AddOptions<DataSourceOptions>(SchedulerDatabase.DataSourceName)
            .Configure<SchedulerDatabase>((options, database) => database.Configure(options));
        services.AddOptions<AdoJobStoreOptions>().Configure<SchedulerDatabase>((options, database) => database.Configure(options));
        services.AddOptions<ClusteringOptions>().Configure<SchedulerDatabase>((options, database) => database.Configure(options));
        services.AddOptions<QuartzSchedulerOptions>().Configure<SchedulerDatabase>((options, database) => database.Configure(options));

        // Quartz takes its clock from the container when it is not given one, so it runs on the app's TimeProvider.
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(options => options.InstanceName = SchedulerName);
            quartz.UsePersistentStore(store =>
            {
                // The driver and the connection are chosen by SchedulerDatabase above, when the container resolves them.
                store.UseDataSource(_ => { });
                store.UseDriverDelegate(provider => provider.GetRequiredService<SchedulerDatabase>().CreateDriverDelegate());
            });
        });
        services.Configure<QuartzOptions>(options =>
        {
            // Each start declares the recurring jobs again, replacing the stored trigger (so a changed interval takes
            // effect); the replacement carries on from the stored trigger's last run rather than running again at once.
            options.Scheduling.OverwriteExistingData = true;
            options.Scheduling.ScheduleTriggerRelativeToReplacedTrigger = true;
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);

        services.TryAddSingleton<IJobScheduler, QuartzJobScheduler>();
        return builder;
    }

    /// <summary>
    /// Declares a job that runs every <paramref name="interval"/>, first when the scheduler starts, on one instance of
    /// the deployment at a time. Mark the job <see cref="DisallowConcurrentExecutionAttribute"/> so that a slow run and
    /// the next one never overlap. Missed runs follow <see cref="RecurringMisfirePolicy"/>.
    /// </summary>
    /// <param name="services">The app's services.</param>
    /// <param name="name">The job's name, unique among recurring jobs and stable across releases: the stored schedule is found by it.</param>
    /// <param name="interval">Time between runs.</param>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, string name, TimeSpan interval)
        where TJob : class, IJob
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);

        services.AddQuartz(quartz => quartz.ScheduleJob<TJob>(
            trigger => trigger
                .WithIdentity(name, RecurringGroup)
                .StartNow()
                .WithSimpleSchedule(schedule => schedule
                    .WithInterval(interval)
                    .RepeatForever()
                    .WithMisfireInstruction(RecurringMisfirePolicy)),
            job => job.WithIdentity(name, RecurringGroup)));
        return services;
    }

    /// <summary>
    /// Declares a job type that features schedule at run time with <see cref="IJobScheduler.ScheduleOnceAsync{TJob}"/>,
    /// so that whichever instance fires it can build it (with its constructor's services from the container).
    /// </summary>
    public static IServiceCollection AddOneOffJob<TJob>(this IServiceCollection services)
        where TJob : class, IJob
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddQuartz(quartz => quartz.AddJobType<TJob>());
        return services;
    }
}
