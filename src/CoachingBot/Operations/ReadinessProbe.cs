using CoachingBot.Storage;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace CoachingBot.Operations;

/// <summary>
/// <c>/readyz</c>: whether this instance can do its work. The database answers within <see cref="DatabaseTimeout"/>,
/// its migrations are all applied, and the scheduler runs (not in standby or shut down). The report names each
/// check's state and nothing else: no connection string, host or exception text.
/// </summary>
internal sealed partial class ReadinessProbe(
    IDbContextFactory<CoachingDbContext> contexts,
    ISchedulerFactory schedulers,
    ILogger<ReadinessProbe> logger)
{
    public const string Ok = "ok";

    /// <summary>Short, so a probe cannot hang on a database that accepts connections and then says nothing.</summary>
    public static readonly TimeSpan DatabaseTimeout = TimeSpan.FromSeconds(3);

    public async Task<ReadinessReport> CheckAsync(CancellationToken cancellationToken)
    {
        var (database, migrations) = await CheckDatabaseAsync(cancellationToken).ConfigureAwait(false);
        var scheduler = await CheckSchedulerAsync(cancellationToken).ConfigureAwait(false);
        var checks = new Dictionary<string, string>
        {
            ["database"] = database,
            ["migrations"] = migrations,
            ["scheduler"] = scheduler,
        };
        var failed = checks.Where(c => c.Value != Ok).Select(c => c.Key).ToList();
        if (failed.Count > 0)
        {
            LogNotReady(logger, string.Join(", ", failed));
        }

        return new ReadinessReport(failed.Count == 0 ? "ready" : "not ready", checks, failed);
    }

    private async Task<(string Database, string Migrations)> CheckDatabaseAsync(CancellationToken cancellationToken)
    {
        // A real timer, not the app's TimeProvider: the deadline is about how long the prober waits.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(DatabaseTimeout);
        var pending = PendingMigrationsAsync(deadline.Token);
        try
        {
            // WaitAsync too: a provider that ignores the token must not hold the probe either.
            var count = await pending.WaitAsync(DatabaseTimeout, cancellationToken).ConfigureAwait(false);
            return (Ok, count == 0 ? Ok : $"{count} pending");
        }
        catch (Exception exception) when (exception is TimeoutException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            _ = pending.ContinueWith(static task => task.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            return ("timed out", "unknown");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogDatabaseUnreachable(logger, exception.GetType().Name);
            return ("unreachable", "unknown");
        }
    }

    private async Task<int> PendingMigrationsAsync(CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            // Reads the migration history table: it answers both whether the database is there and what is applied.
            return (await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).Count();
        }
    }

    private async Task<string> CheckSchedulerAsync(CancellationToken cancellationToken)
    {
        try
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
            return await scheduler.GetStatus(cancellationToken).ConfigureAwait(false) switch
            {
                SchedulerStatus.Running => Ok,
                SchedulerStatus.Created => "not started",
                SchedulerStatus.Standby => "standby",
                SchedulerStatus.ShuttingDown or SchedulerStatus.Shutdown => "shut down",
                _ => "unknown",
            };
        }
        catch (SchedulerException)
        {
            return "unavailable";
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not ready: {FailedChecks}")]
    private static partial void LogNotReady(ILogger logger, string failedChecks);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The readiness probe could not reach the database ({ExceptionType})")]
    private static partial void LogDatabaseUnreachable(ILogger logger, string exceptionType);
}

/// <summary>The <c>/readyz</c> body.</summary>
/// <param name="Status"><c>ready</c> or <c>not ready</c>.</param>
/// <param name="Checks">Each check's state: <c>ok</c>, or what is wrong.</param>
/// <param name="Failed">The checks that are not ok.</param>
internal sealed record ReadinessReport(string Status, IReadOnlyDictionary<string, string> Checks, IReadOnlyList<string> Failed)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsReady => Failed.Count == 0;
}
