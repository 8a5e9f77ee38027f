namespace CoachingBot.Operations;

/// <summary>
/// The names of the app's own metrics, in one place (the protocol library's are in
/// <see cref="Teams.Hosting.BotTelemetry"/>). The meter is <see cref="MeterName"/>; its tags name job types and
/// database calls, never anything a user wrote.
/// </summary>
public static class AppTelemetry
{
    /// <summary>The app's Meter: subscribe to this name.</summary>
    public const string MeterName = "CoachingBot";

    /// <summary>Counter, <c>{job}</c>: scheduled jobs that came due and fired, by job type.</summary>
    public const string SchedulerJobs = "coachingbot.scheduler.jobs";

    /// <summary>Histogram, seconds: how late a job fired after its scheduled time, by job type.</summary>
    public const string SchedulerLateness = "coachingbot.scheduler.job.lateness";

    /// <summary>Counter, <c>{trigger}</c>: triggers that missed their time by more than the store's misfire threshold (a minute).</summary>
    public const string SchedulerMisfires = "coachingbot.scheduler.misfires";

    /// <summary>Histogram, seconds: one EF Core database command, by operation and outcome.</summary>
    public const string DatabaseDuration = "coachingbot.db.duration";

    /// <summary>Tag keys.</summary>
    public static class Tags
    {
        /// <summary>The job's class, such as <c>TurnJournalPruner</c>.</summary>
        public const string Job = "scheduler.job";

        /// <summary><c>reader</c>, <c>non_query</c> or <c>scalar</c>.</summary>
        public const string DatabaseOperation = "db.operation";

        /// <summary><c>ok</c> or <c>error</c>.</summary>
        public const string DatabaseOutcome = "db.outcome";
    }
}
