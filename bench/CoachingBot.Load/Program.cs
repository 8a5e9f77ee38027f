using System.Diagnostics;
using System.Globalization;
using CoachingBot.Load;

// CoachingBot.Load run [options]   runs the benchmark (bench/README.md lists the options)
// CoachingBot.Load report --out F  rewrites F/results.md from F/results.jsonl
var command = args.Length > 0 ? args[0] : "run";
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 1; i < args.Length; i++)
{
    if (!args[i].StartsWith("--", StringComparison.Ordinal))
    {
        Console.Error.WriteLine($"Unexpected argument '{args[i]}'.");
        return 2;
    }

    var name = args[i][2..];
    options[name] = name is "no-pin" ? "true" : i + 1 < args.Length ? args[++i] : "";
}

string? Option(string name) => options.TryGetValue(name, out var value) ? value : null;
IReadOnlyList<string> List(string name, string fallback) =>
    (Option(name) ?? fallback).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
TimeSpan Seconds(string name, double fallback) =>
    TimeSpan.FromSeconds(double.Parse(Option(name) ?? fallback.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));

var output = Option("out") ?? Path.Combine("bench", "results", DateTimeOffset.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
if (command == "report")
{
    await Bench.WriteReportAsync(output, CancellationToken.None);
    Console.WriteLine(Path.Combine(output, "results.md"));
    return 0;
}

if (command != "run")
{
    Console.Error.WriteLine("Commands: run, report.");
    return 2;
}

var defaults = new BenchOptions { Output = output };
var bench = new BenchOptions
{
    Output = output,
    BotApp = Option("bot-app"),
    PeerApp = Option("peer"),
    Bots = [.. List("bots", "coachingbot,peer").Select(b => b.ToLowerInvariant() switch
    {
        "coachingbot" => BotKind.CoachingBot,
        "peer" => BotKind.Peer,
        _ => throw new ArgumentException($"A bot is coachingbot or peer, not '{b}'."),
    })],
    Providers = [.. List("providers", "sqlite,postgresql").Select(p => p.ToLowerInvariant() switch
    {
        "sqlite" => StorageKind.Sqlite,
        "postgresql" or "postgres" => StorageKind.PostgreSql,
        _ => throw new ArgumentException($"A provider is sqlite or postgresql, not '{p}'."),
    })],
    Scenarios = List("scenarios", "grow,help"),
    Modes = [.. List("modes", string.Join(',', defaults.Modes)).Select(LoadMode.Parse)],
    Conversations = int.Parse(Option("conversations") ?? "1000", CultureInfo.InvariantCulture),
    Warmup = Seconds("warmup", defaults.Warmup.TotalSeconds),
    Duration = Seconds("duration", defaults.Duration.TotalSeconds),
    TurnTimeout = Seconds("timeout", defaults.TurnTimeout.TotalSeconds),
    Postgres = Option("postgres") ?? Environment.GetEnvironmentVariable("COACHINGBOT_TEST_POSTGRES"),
    Pin = Option("no-pin") is null,
    Note = Option("note"),
};

if (bench.Pin && BotUnderTest.CanPin && OperatingSystem.IsLinux())
{
    // The bot gets core 0; the generator and its fake connector keep to core 1.
    Process.GetCurrentProcess().ProcessorAffinity = 2;
}

// Ctrl+C or SIGTERM ends the run and stops the bot it started, rather than leaving it running.
using var stop = new CancellationTokenSource();
using var interrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, Stop);
using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, Stop);
void Stop(System.Runtime.InteropServices.PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}

var runs = await Bench.RunAsync(bench, Console.Out, stop.Token);
Console.WriteLine($"{runs.Count} runs; figures in {Path.Combine(output, "results.jsonl")} and {Path.Combine(output, "results.md")}");
return runs.All(r => r.Turns > 0 && r.Errors == 0) ? 0 : 1;
