using System.Text.Json;
using CoachingBot.Load;
using BenchRunner = CoachingBot.Load.Bench;

namespace CoachingBot.Bench.Tests;

/// <summary>
/// The benchmark's own check: a few seconds of each scenario at a low rate against the built bot, asserting the harness
/// works (every turn answered, the figures written with their fields), never a timing.
/// </summary>
public sealed class BenchHarnessTests : IDisposable
{
    private static readonly string[] Fields =
    [
        "bot", "storage", "scenario", "mode", "conversations", "turns", "answered", "timeouts", "errors", "turns_per_s",
        "p50_ms", "p90_ms", "p99_ms", "max_ms", "cpu_ms_per_turn", "peak_memory_mb", "start_to_first_answer_ms",
        "unmatched_calls", "authorized_calls", "started_at",
    ];

    private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory("coachingbot-bench-test-");

    [Fact]
    public async Task Run_AnswersEveryTurnAndWritesTheFigures_WhenCoachingBotOnSqliteIsDrivenAtALowRate()
    {
        var runs = await RunAsync(BotKind.CoachingBot);

        AssertFigures(runs, "CoachingBot", "SQLite");
    }

    [PeerFact]
    public async Task Run_AnswersEveryTurnAndWritesTheFigures_WhenTheJavaScriptPeerIsDrivenAtALowRate()
    {
        var runs = await RunAsync(BotKind.Peer);

        AssertFigures(runs, "JS SDK", "memory");
    }

    public void Dispose() => _output.Delete(recursive: true);

    private async Task<IReadOnlyList<RunResult>> RunAsync(BotKind bot)
    {
        var options = new BenchOptions
        {
            Output = _output.FullName,
            // The test's own build of the bot, copied beside the tests by the project reference.
            BotApp = AppContext.BaseDirectory,
            PeerApp = PeerFactAttribute.PeerFolder,
            Bots = [bot],
            Providers = [StorageKind.Sqlite],
            Scenarios = ["grow", "help"],
            Modes = [LoadMode.Parse("open:20")],
            Conversations = 10,
            Warmup = TimeSpan.FromSeconds(0.5),
            Duration = TimeSpan.FromSeconds(2.5),
            // Generous: a shared CI machine can be slow, and this checks that turns are answered, not how fast.
            TurnTimeout = TimeSpan.FromSeconds(60),
            Pin = false,
        };
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        return await BenchRunner.RunAsync(options, TextWriter.Null, stop.Token);
    }

    private void AssertFigures(IReadOnlyList<RunResult> runs, string bot, string storage)
    {
        Assert.Equal(["grow", "help"], runs.Select(r => r.Scenario));
        foreach (var run in runs)
        {
            Assert.True(run.Turns > 0, $"{run.Scenario}: no turn was sent in the measured window");
            Assert.True(run.Answered == run.Turns, $"{run.Scenario}: {run.Answered} of {run.Turns} turns answered, {run.Timeouts} timed out, {run.Errors} refused");
            Assert.Equal(0, run.UnmatchedCalls);
            Assert.Equal(0, run.AuthorizedCalls);
            Assert.True(run.PeakMemoryMb > 0 && run.CpuMsPerTurn > 0 && run.StartToFirstAnswerMs > 0, $"{run.Scenario}: a figure was not read");
        }

        var lines = File.ReadAllLines(Path.Combine(_output.FullName, "results.jsonl"));
        Assert.Equal(2, lines.Length);
        foreach (var line in lines)
        {
            using var figures = JsonDocument.Parse(line);
            var missing = Fields.Where(f => !figures.RootElement.TryGetProperty(f, out _)).ToList();
            Assert.True(missing.Count == 0, "results.jsonl lacks " + string.Join(", ", missing));
            Assert.Equal(bot, figures.RootElement.GetProperty("bot").GetString());
            Assert.Equal(storage, figures.RootElement.GetProperty("storage").GetString());
        }

        var table = File.ReadAllText(Path.Combine(_output.FullName, "results.md"));
        Assert.Contains("open loop, 20 turns/s", table, StringComparison.Ordinal);
    }
}

/// <summary>
/// A test of the JavaScript peer: skipped unless bench/peer's packages are installed (eng/test.sh installs them from
/// the lock file) and node is on the path.
/// </summary>
public sealed class PeerFactAttribute : FactAttribute
{
    public PeerFactAttribute()
    {
        if (PeerFolder is null)
        {
            Skip = "bench/peer/node_modules is not installed (npm ci --prefix bench/peer), or node is not on the path.";
        }
    }

    /// <summary>bench/peer with its packages installed, found above the test's output folder; null when absent.</summary>
    public static string? PeerFolder { get; } = FindPeer();

    private static string? FindPeer()
    {
        var hasNode = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, "node")));
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var peer = Path.Combine(folder.FullName, "bench", "peer");
            if (File.Exists(Path.Combine(peer, "bot.js")))
            {
                return hasNode && Directory.Exists(Path.Combine(peer, "node_modules", "botbuilder")) ? peer : null;
            }
        }

        return null;
    }
}
