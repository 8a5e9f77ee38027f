using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoachingBot.Load;

/// <summary>The figures of one scenario run: one line of results.jsonl.</summary>
internal sealed record RunResult
{
    public required string Bot { get; init; }
    public required string Storage { get; init; }
    public required string Scenario { get; init; }
    public required string Mode { get; init; }
    public int? Concurrency { get; init; }
    public double? TargetRate { get; init; }
    public required int Conversations { get; init; }
    public required double WarmupS { get; init; }
    public required double DurationS { get; init; }
    /// <summary>Turns sent in the measured window.</summary>
    public required int Turns { get; init; }
    /// <summary>Of those, answered in full (every expected call arrived).</summary>
    public required int Answered { get; init; }
    public required int Timeouts { get; init; }
    /// <summary>Turns the bot refused (not 2xx) or whose POST failed.</summary>
    public required int Errors { get; init; }
    /// <summary>Turns answered in full within the measured window, per second.</summary>
    public required double TurnsPerS { get; init; }
    public required double P50Ms { get; init; }
    public required double P90Ms { get; init; }
    public required double P99Ms { get; init; }
    public required double MaxMs { get; init; }
    public required double CpuMsPerTurn { get; init; }
    public required double PeakMemoryMb { get; init; }
    public required double StartToFirstAnswerMs { get; init; }
    /// <summary>Calls at the connector that belonged to no turn in flight (late, or more than the walk expected).</summary>
    public required long UnmatchedCalls { get; init; }
    /// <summary>Calls at the connector that carried an Authorization header.</summary>
    public required long AuthorizedCalls { get; init; }
    /// <summary>Open loop: arrivals that found every conversation busy and waited for one.</summary>
    public required long QueuedArrivals { get; init; }
    public required bool Pinned { get; init; }
    public required string StartedAt { get; init; }
    public string? Note { get; init; }

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The figures of the turns that started in the measured window [<paramref name="windowStart"/>, <paramref name="windowEnd"/>).</summary>
    public static (int Turns, int Answered, int Timeouts, int Errors, double TurnsPerS, double[] Percentiles) Figures(
        IReadOnlyList<TurnRecord> records, long windowStart, long windowEnd)
    {
        var measured = records.Where(t => t.Start >= windowStart && t.Start < windowEnd).ToList();
        var latencies = measured.Where(t => !t.TimedOut && !t.Failed).Select(t => Milliseconds(t.End - t.Start)).Order().ToArray();
        var completedInWindow = records.Count(t => !t.TimedOut && !t.Failed && t.End >= windowStart && t.End < windowEnd);
        var seconds = (double)(windowEnd - windowStart) / Stopwatch.Frequency;
        return (
            measured.Count,
            latencies.Length,
            measured.Count(t => t.TimedOut),
            measured.Count(t => t.Failed),
            completedInWindow / seconds,
            [Percentile(latencies, 0.50), Percentile(latencies, 0.90), Percentile(latencies, 0.99), latencies.Length == 0 ? 0 : latencies[^1]]);
    }

    public static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>results.md from results.jsonl: the two bots side by side, then every run.</summary>
internal static class Report
{
    private const double HeldP99Ms = 1000;

    public static string Markdown(IReadOnlyList<RunResult> runs, string title)
    {
        var columns = runs
            .Select(r => (r.Bot, r.Storage, r.Scenario))
            .Distinct()
            .OrderBy(c => c.Scenario == "grow" ? 0 : 1)
            .ThenBy(c => c.Bot == "CoachingBot" ? 0 : 1)
            .ThenBy(c => c.Storage)
            .ToList();
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# {title}").AppendLine();
        var first = runs.Count > 0 ? runs[0] : null;
        if (first is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{runs.Count} runs from {first.StartedAt}; {first.Conversations} conversations; {first.WarmupS:0.#} s warm-up and {first.DurationS:0.#} s measured per run; bot {(first.Pinned ? "pinned to core 0, load generator and fake connector on core 1" : "not pinned")}.");
            if (first.Note is { Length: > 0 } note)
            {
                text.AppendLine().AppendLine(note);
            }

            text.AppendLine();
        }

        text.Append("| |");
        foreach (var (bot, storage, scenario) in columns)
        {
            text.Append(CultureInfo.InvariantCulture, $" {Name(bot, storage, scenario)} |");
        }

        text.AppendLine().Append("|---|").AppendLine(string.Concat(columns.Select(_ => "---|")));
        var modes = runs.Select(r => r.Mode).Distinct().OrderBy(m => m.StartsWith("closed", StringComparison.Ordinal) ? 0 : 1).ThenBy(ModeNumber).ToList();
        foreach (var mode in modes)
        {
            Row(text, Describe(mode), columns, runs, c => Cell(runs, c, mode));
        }

        // Runs with timeouts spent CPU on turns that never counted: their CPU per turn says nothing about a turn.
        Row(text, "CPU per turn (runs without timeouts)", columns, runs, c => Range(Of(runs, c).Where(r => r.Timeouts == 0 && r.Answered > 0).Select(r => r.CpuMsPerTurn), "ms", "0.00"));
        Row(text, $"open loop: highest rate held (p99 under {HeldP99Ms / 1000:0} s, no timeouts)", columns, runs, c => Held(Of(runs, c)));
        Row(text, "peak memory", columns, runs, c => Range(Of(runs, c).Select(r => r.PeakMemoryMb), "MB", "0"));
        Row(text, "from start to the first answered turn", columns, runs, c => Range(Of(runs, c).Select(r => r.StartToFirstAnswerMs / 1000), "s", "0.00"));
        text.AppendLine();
        text.AppendLine("Each mode's cell: turns answered a second; end-to-end latency p50 / p99 (from the POST, or the arrival in open loop, to the turn's last reply at the connector); timeouts and errors when there were any.");
        text.AppendLine();
        text.AppendLine("## Every run").AppendLine();
        text.AppendLine("| bot | storage | scenario | mode | turns | turns/s | p50 ms | p90 ms | p99 ms | max ms | timeouts | errors | CPU ms/turn | peak MB | start to first answer s | unmatched calls | queued arrivals |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in runs)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Bot} | {r.Storage} | {r.Scenario} | {r.Mode} | {r.Turns} | {r.TurnsPerS:0} | {r.P50Ms:0.0} | {r.P90Ms:0.0} | {r.P99Ms:0.0} | {r.MaxMs:0} | {r.Timeouts} | {r.Errors} | {r.CpuMsPerTurn:0.00} | {r.PeakMemoryMb:0} | {r.StartToFirstAnswerMs / 1000:0.00} | {r.UnmatchedCalls} | {r.QueuedArrivals} |");
        }

        return text.ToString();
    }

    private static void Row(StringBuilder text, string label, List<(string Bot, string Storage, string Scenario)> columns, IReadOnlyList<RunResult> runs, Func<(string, string, string), string> cell)
    {
        text.Append(CultureInfo.InvariantCulture, $"| {label} |");
        foreach (var column in columns)
        {
            text.Append(CultureInfo.InvariantCulture, $" {cell(column)} |");
        }

        text.AppendLine();
    }

    private static IEnumerable<RunResult> Of(IReadOnlyList<RunResult> runs, (string Bot, string Storage, string Scenario) c) =>
        runs.Where(r => r.Bot == c.Bot && r.Storage == c.Storage && r.Scenario == c.Scenario);

    private static string Cell(IReadOnlyList<RunResult> runs, (string, string, string) c, string mode)
    {
        var r = Of(runs, c).LastOrDefault(r => r.Mode == mode);
        if (r is null)
        {
            return "";
        }

        var cell = r.Answered == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{r.TurnsPerS:#,0} turns/s; none answered in time")
            : string.Create(CultureInfo.InvariantCulture, $"{r.TurnsPerS:#,0} turns/s; {r.P50Ms:0} / {r.P99Ms:#,0} ms");
        if (r.Timeouts > 0)
        {
            cell += string.Create(CultureInfo.InvariantCulture, $"; {r.Timeouts:#,0} timeouts");
        }

        if (r.Errors > 0)
        {
            cell += string.Create(CultureInfo.InvariantCulture, $"; {r.Errors:#,0} errors");
        }

        return cell;
    }

    private static string Held(IEnumerable<RunResult> runs)
    {
        var open = runs.Where(r => r.TargetRate is not null).OrderBy(r => r.TargetRate).ToList();
        if (open.Count == 0)
        {
            return "";
        }

        var held = open.Where(Holds).Select(r => r.TargetRate!.Value).DefaultIfEmpty().Max();
        var failed = open.Where(r => !Holds(r) && r.TargetRate > held).Select(r => r.TargetRate!.Value).DefaultIfEmpty().Min();
        return (held, failed) switch
        {
            (0, _) => string.Create(CultureInfo.InvariantCulture, $"under {open[0].TargetRate:0} turns/s"),
            (_, 0) => string.Create(CultureInfo.InvariantCulture, $"{held:0} turns/s (the highest tried)"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{held:0} turns/s (not {failed:0})"),
        };
    }

    private static bool Holds(RunResult r) => r.Timeouts == 0 && r.Errors == 0 && r.P99Ms < HeldP99Ms && r.TurnsPerS >= 0.9 * r.TargetRate!.Value;

    private static string Range(IEnumerable<double> values, string unit, string format)
    {
        var list = values.ToList();
        if (list.Count == 0)
        {
            return "";
        }

        var (min, max) = (list.Min(), list.Max());
        var low = min.ToString(format, CultureInfo.InvariantCulture);
        var high = max.ToString(format, CultureInfo.InvariantCulture);
        return low == high ? $"{low} {unit}" : $"{low} to {high} {unit}";
    }

    private static string Name(string bot, string storage, string scenario) => bot == "CoachingBot"
        ? $"CoachingBot `{scenario}` ({storage})"
        : $"JS SDK {(scenario == "grow" ? "waterfall" : "echo")} ({storage})";

    private static string Describe(string mode) => mode.Split(':') switch
    {
        ["closed", var c] => $"closed loop, {c} at a time",
        ["open", var r] => $"open loop, {r} turns/s",
        _ => mode,
    };

    private static double ModeNumber(string mode) =>
        double.TryParse(mode.Split(':').Last(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
