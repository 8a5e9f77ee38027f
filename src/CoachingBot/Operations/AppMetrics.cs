using System.Diagnostics.Metrics;

namespace CoachingBot.Operations;

/// <summary>The app's instruments (names in <see cref="AppTelemetry"/>), on a meter of the host's own.</summary>
internal sealed class AppMetrics
{
    private static readonly InstrumentAdvice<double> DatabaseSeconds = new()
    {
        HistogramBucketBoundaries = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
    };

    private static readonly InstrumentAdvice<double> LatenessSeconds = new()
    {
        HistogramBucketBoundaries = [0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600, 21600, 86400],
    };

    public AppMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(AppTelemetry.MeterName);
        Jobs = meter.CreateCounter<long>(AppTelemetry.SchedulerJobs, "{job}", "Scheduled jobs that came due and fired.");
        Lateness = meter.CreateHistogram(AppTelemetry.SchedulerLateness, "s", "How late a job fired after its scheduled time.", tags: null, LatenessSeconds);
        Misfires = meter.CreateCounter<long>(AppTelemetry.SchedulerMisfires, "{trigger}", "Triggers that missed their time.");
        DatabaseDuration = meter.CreateHistogram(AppTelemetry.DatabaseDuration, "s", "One database command.", tags: null, DatabaseSeconds);
    }

    public Counter<long> Jobs { get; }

    public Histogram<double> Lateness { get; }

    public Counter<long> Misfires { get; }

    public Histogram<double> DatabaseDuration { get; }
}
