using System.Globalization;
using System.Net;
using System.Text.Json;
using Npgsql;

namespace CoachingBot.Load;

/// <summary>What to run: every bot and storage against every scenario in every mode, a fresh bot process per run.</summary>
internal sealed record BenchOptions
{
    /// <summary>The folder of a built CoachingBot.dll (a Release build or publish output).</summary>
    public string? BotApp { get; init; }

    /// <summary>The peer's folder (bench/peer, with node_modules installed).</summary>
    public string? PeerApp { get; init; }

    public IReadOnlyList<BotKind> Bots { get; init; } = [BotKind.CoachingBot, BotKind.Peer];

    public IReadOnlyList<StorageKind> Providers { get; init; } = [StorageKind.Sqlite, StorageKind.PostgreSql];

    public IReadOnlyList<string> Scenarios { get; init; } = ["grow", "help"];

    public IReadOnlyList<LoadMode> Modes { get; init; } =
        [new(true, 10, 0), new(true, 100, 0), new(false, 0, 100), new(false, 0, 200), new(false, 0, 400), new(false, 0, 800)];

    public int Conversations { get; init; } = 1000;

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);

    public TimeSpan TurnTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>An Npgsql connection string to a server where a database can be created (COACHINGBOT_TEST_POSTGRES).</summary>
    public string? Postgres { get; init; }

    /// <summary>Pin the bot to core 0 (when the machine has two cores and taskset).</summary>
    public bool Pin { get; init; } = true;

    public required string Output { get; init; }

    public string? Note { get; init; }
}

internal static class Bench
{
    /// <summary>Runs everything, appending to results.jsonl and rewriting results.md after each run. Returns the runs.</summary>
    public static async Task<IReadOnlyList<RunResult>> RunAsync(BenchOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.Output);
        var jsonl = Path.Combine(options.Output, "results.jsonl");
        var results = new List<RunResult>();
        var calibrated = new Dictionary<(BotKind, string), int[]>();
        var failures = 0;
        var pinned = options.Pin && BotUnderTest.CanPin;
        await using var connector = await FakeConnector.StartAsync();
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        using var http = new HttpClient(handler) { Timeout = options.TurnTimeout + TimeSpan.FromSeconds(5) };

        foreach (var (bot, storage) in Targets(options))
        {
            foreach (var scenario in options.Scenarios)
            {
                var walk = Walks.For(bot, scenario);
                foreach (var mode in options.Modes)
                {
                    var label = $"{Label(bot)} {Label(storage)} {scenario} {mode}";
                    progress.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss} {label} ...");
                    RunResult result;
                    try
                    {
                        result = await RunOneAsync(options, connector, http, bot, storage, walk, mode, pinned, calibrated, progress, cancellationToken);
                    }
                    catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TimeoutException or IOException
                        || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
                    {
                        // One run that could not be measured (a bot that would not start, a walk it left) does not lose the rest.
                        progress.WriteLine($"    FAILED: {e.GetType().Name}: {e.Message}");
                        failures++;
                        continue;
                    }

                    results.Add(result);
                    await File.AppendAllTextAsync(jsonl, JsonSerializer.Serialize(result, RunResult.Json) + "\n", cancellationToken);
                    await WriteReportAsync(options.Output, cancellationToken);
                    progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"    {result.TurnsPerS:0} turns/s, p50 {result.P50Ms:0.0} p99 {result.P99Ms:0.0} max {result.MaxMs:0} ms, {result.Timeouts} timeouts, {result.Errors} errors, {result.CpuMsPerTurn:0.00} ms CPU/turn, {result.PeakMemoryMb:0} MB, first answer {result.StartToFirstAnswerMs / 1000:0.00} s, {result.UnmatchedCalls} unmatched"));
                }
            }
        }

        if (failures > 0)
        {
            progress.WriteLine($"{failures} run(s) failed; see above and the logs folder.");
        }

        return results;
    }

    /// <summary>results.md from every line of results.jsonl in <paramref name="folder"/>.</summary>
    public static async Task WriteReportAsync(string folder, CancellationToken cancellationToken)
    {
        var runs = (await File.ReadAllLinesAsync(Path.Combine(folder, "results.jsonl"), cancellationToken))
            .Where(line => line.Length > 0)
            .Select(line => JsonSerializer.Deserialize<RunResult>(line, RunResult.Json)!)
            .ToList();
        await File.WriteAllTextAsync(Path.Combine(folder, "results.md"), Report.Markdown(runs, $"Turn benchmark: {Path.GetFileName(Path.GetFullPath(folder))}"), cancellationToken);
    }

    private static IEnumerable<(BotKind, StorageKind)> Targets(BenchOptions options)
    {
        foreach (var bot in options.Bots)
        {
            if (bot == BotKind.Peer)
            {
                yield return (bot, StorageKind.Memory);
                continue;
            }

            foreach (var storage in options.Providers)
            {
                yield return (bot, storage);
            }
        }
    }

    private static async Task<RunResult> RunOneAsync(
        BenchOptions options, FakeConnector connector, HttpClient http, BotKind bot, StorageKind storage, Walk walk, LoadMode mode,
        bool pinned, Dictionary<(BotKind, string), int[]> calibrated, TextWriter progress, CancellationToken cancellationToken)
    {
        var app = bot == BotKind.CoachingBot
            ? options.BotApp ?? throw new ArgumentException("No CoachingBot build given (--bot-app).")
            : options.PeerApp ?? throw new ArgumentException("No peer folder given (--peer).");
        var startedAt = DateTimeOffset.UtcNow;
        var logName = $"{Label(bot)}-{Label(storage)}-{walk.Name}-{mode.ToString().Replace(':', '-')}".ToLowerInvariant();
        var logs = Path.Combine(options.Output, "logs");
        string? database = null;
        string? connectionString = null;
        if (storage == StorageKind.PostgreSql)
        {
            (database, connectionString) = await CreateDatabaseAsync(options.Postgres, cancellationToken);
        }

        try
        {
            await using var process = BotUnderTest.Start(bot, walk.Name, app, storage, connectionString, pinned ? 0 : null, Path.Combine(logs, logName + ".log"));
            calibrated.TryGetValue((bot, walk.Name), out var expected);
            var run = new LoadRun(process, connector, walk, http, expected);
            var (probe, startToFirst) = await run.FirstTurnAsync(cancellationToken);
            if (expected is null)
            {
                var seen = await run.CalibrateAsync(probe, cancellationToken);
                calibrated[(bot, walk.Name)] = run.Expected;
                await File.WriteAllLinesAsync(Path.Combine(logs, $"{Label(bot)}-{walk.Name}-calibration.txt".ToLowerInvariant()), seen, cancellationToken);
                progress.WriteLine($"    calls expected per step of the walk: {string.Join(' ', run.Expected)}");
            }

            var unmatchedBefore = connector.Unmatched;
            var authorizedBefore = connector.Authorized;
            var (turns, windowStart, windowEnd, cpu) = await run.RunAsync(mode, new RunSettings(options.Conversations, options.Warmup, options.Duration, options.TurnTimeout), cancellationToken);
            var peak = process.PeakMemory();
            var figures = RunResult.Figures(turns, windowStart, windowEnd);
            var completed = turns.Count(t => !t.TimedOut && !t.Failed && t.End >= windowStart && t.End < windowEnd);
            return new RunResult
            {
                Bot = bot == BotKind.CoachingBot ? "CoachingBot" : "JS SDK",
                Storage = Label(storage),
                Scenario = walk.Name,
                Mode = mode.ToString(),
                Concurrency = mode.Closed ? mode.Concurrency : null,
                TargetRate = mode.Closed ? null : mode.Rate,
                Conversations = options.Conversations,
                WarmupS = options.Warmup.TotalSeconds,
                DurationS = options.Duration.TotalSeconds,
                Turns = figures.Turns,
                Answered = figures.Answered,
                Timeouts = figures.Timeouts + (int)run.Unfinished,
                Errors = figures.Errors,
                TurnsPerS = figures.TurnsPerS,
                P50Ms = figures.Percentiles[0],
                P90Ms = figures.Percentiles[1],
                P99Ms = figures.Percentiles[2],
                MaxMs = figures.Percentiles[3],
                CpuMsPerTurn = completed == 0 ? 0 : cpu.TotalMilliseconds / completed,
                PeakMemoryMb = peak / (1024.0 * 1024.0),
                StartToFirstAnswerMs = startToFirst.TotalMilliseconds,
                UnmatchedCalls = connector.Unmatched - unmatchedBefore,
                AuthorizedCalls = connector.Authorized - authorizedBefore,
                QueuedArrivals = run.Queued,
                Pinned = pinned,
                StartedAt = startedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                Note = options.Note,
            };
        }
        finally
        {
            if (database is not null)
            {
                await DropDatabaseAsync(options.Postgres!, database);
            }
        }
    }

    private static async Task<(string Database, string ConnectionString)> CreateDatabaseAsync(string? server, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(server))
        {
            throw new ArgumentException("PostgreSQL runs need a server: set COACHINGBOT_TEST_POSTGRES or pass --postgres.");
        }

        var database = "bench_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        return (database, new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString);
    }

    private static async Task DropDatabaseAsync(string server, string database)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static string Label(BotKind bot) => bot == BotKind.CoachingBot ? "CoachingBot" : "peer";

    private static string Label(StorageKind storage) => storage switch
    {
        StorageKind.Sqlite => "SQLite",
        StorageKind.PostgreSql => "PostgreSQL",
        _ => "memory",
    };
}
