using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CoachingBot.Models;
using CoachingBot.Sessions;
using CoachingBot.Teams.Schema;
using CoachingBot.Tests.Support;
using Xunit.Abstractions;

namespace CoachingBot.Tests.Hosting;

/// <summary>
/// The door under attack: thousands of real activities, mutated, posted to the built bot running as its own process.
/// Seeded; <c>COACHINGBOT_FUZZ_SEED</c> replays a run, <c>COACHINGBOT_FUZZ_CASE</c> one case of it, and
/// <c>COACHINGBOT_FUZZ_CASES</c> asks for more cases. The summary goes to the test output and, when
/// <c>COACHINGBOT_FUZZ_SUMMARY</c> names a file, there too (eng/test.sh prints it); <c>COACHINGBOT_FUZZ_LOG</c> names a file
/// for the bot's whole console log.
/// </summary>
public sealed partial class DoorFuzzTests(ITestOutputHelper output)
{
    public const int DefaultCases = 3_000;

    [Fact]
    public async Task Post_AnswersOnlyExpectedStatusesAndNoTurnFails_WhenRealActivitiesAreMutated()
    {
        var run = FuzzRun.FromEnvironment();
        output.WriteLine($"Door fuzz: seed {run.Seed}, {run.CaseNumbers.Count} cases");
        using var folder = new TestFolder();
        await using var connector = await FakeConnector.StartAsync();
        await using var bot = await BotProcess.StartAsync(folder.Path, new Dictionary<string, string>
        {
            // One JSON object a line, with the scopes as fields: a turn's failure names the activity id, so the case.
            ["Logging__Console__FormatterName"] = "json",
            ["Logging__Console__FormatterOptions__IncludeScopes"] = "true",

            // Teams' pacing (60 sends in 30 s a conversation) and retry back-off would keep hundreds of the accepted
            // turns queued for minutes; they are tested elsewhere, and here every turn must finish before the drain ends.
            ["Bot__Connector__EnablePerConversationRateLimit"] = "false",
            ["Bot__Connector__MaxRetryAttempts"] = "1",
            ["Bot__Connector__RetryBaseDelay"] = "00:00:00.050",
        });
        var today = UserToday();

        var chats = new List<TeamsChat>();
        try
        {
            TeamsChat NewChat(ChatKind kind)
            {
                var chat = new TeamsChat(new HttpClient { BaseAddress = bot.BaseAddress }, connector, kind);
                chats.Add(chat);
                return chat;
            }

            var waiting = await Task.WhenAll(
                WaitAtCardAsync(NewChat(ChatKind.Personal), CardKinds.Goal, 0, SessionWalk.GoalBy(today).Values, today),
                WaitAtCardAsync(NewChat(ChatKind.Personal), CardKinds.Options, 2, SessionWalk.OptionsList.Values, today),
                WaitAtCardAsync(NewChat(ChatKind.Personal), CardKinds.OptionsWeighed, 3, SessionWalk.OptionsWeighed.Values, today),
                WaitAtCardAsync(NewChat(ChatKind.Personal), CardKinds.Actions, 4, SessionWalk.ActionsBy(today).Values, today),
                WaitAtCardAsync(NewChat(ChatKind.Personal), CardKinds.First, 7, SessionWalk.First.Values, today),
                WaitAtActionListAsync(NewChat(ChatKind.Personal), today));
            var fuzzer = new ActivityFuzzer(run.Seed, NewChat(ChatKind.Personal), NewChat(ChatKind.Group), waiting);

            var counts = new ConcurrentDictionary<int, int>();
            var unexpected = new ConcurrentQueue<string>();
            using var http = new HttpClient { BaseAddress = bot.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(run.CaseNumbers, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (number, cancellationToken) =>
            {
                var fuzzCase = fuzzer.Create(number);
                var (status, answer) = await PostAsync(http, fuzzCase, cancellationToken);
                counts.AddOrUpdate(status, 1, (_, n) => n + 1);
                if (!IsExpected(status))
                {
                    unexpected.Enqueue($"{(status == 0 ? "no answer" : "HTTP " + status.ToString(CultureInfo.InvariantCulture))}: {run.Replay(number)}\n  {fuzzCase.Describe()}\n  answer: {answer}");
                }
            });
            var fuzzTime = clock.Elapsed;

            var stayedUp = !bot.HasExited;
            string? walkFailure = null;
            if (stayedUp)
            {
                try
                {
                    var after = NewChat(ChatKind.Personal);
                    await after.ExchangeAsync(after.Install(), 1);
                    await Transcript.RunAsync(after, [.. SessionWalk.Beginning(CoachingModels.Grow), .. SessionWalk.GrowMiddleAndEnding(today)]);
                }
#pragma warning disable CA1031 // Any failure of the walk is reported with the rest of the run's findings.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    walkFailure = exception.Message;
                }

                // The host drains the turns it took in before it exits, so every turn's log is in the output after this.
                await bot.TerminateAsync(TimeSpan.FromSeconds(60));
            }

            if (Environment.GetEnvironmentVariable("COACHINGBOT_FUZZ_LOG") is { Length: > 0 } logFile)
            {
                await File.WriteAllTextAsync(logFile, bot.Output);
            }

            var lines = bot.Output.Split('\n');
            var errors = ErrorBlocks(lines);
            var turnFailures = errors.Where(block => TurnFailed().IsMatch(block)).ToList();
            var unfinished = lines.Select(line => DrainGaveUp().Match(line)).Where(m => m.Success).Sum(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
            var summary = Summary(run, counts, fuzzTime, unexpected.Count, turnFailures.Count, errors.Count, unfinished, stayedUp, walkFailure);
            output.WriteLine(summary);
            if (Environment.GetEnvironmentVariable("COACHINGBOT_FUZZ_SUMMARY") is { Length: > 0 } summaryFile)
            {
                await File.AppendAllTextAsync(summaryFile, summary + Environment.NewLine);
            }

            var findings = new StringBuilder();
            foreach (var line in unexpected.Take(20))
            {
                findings.AppendLine(line);
            }

            foreach (var block in errors.Take(10))
            {
                var number = LoggedCaseInBlock().Match(block) is { Success: true } match ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : (int?)null;
                findings.AppendLine(number is { } n ? $"{run.Replay(n)}\n  {fuzzer.Create(n).Describe()}" : "(no case id in the log)");
                findings.AppendLine(string.Join('\n', block.Split('\n').Take(30)));
            }

            Assert.True(
                unexpected.IsEmpty && errors.Count == 0 && unfinished == 0 && stayedUp && walkFailure is null,
                $"{summary}\n{(walkFailure is null ? "" : "GROW walk afterwards: " + walkFailure + "\n")}{findings}");
        }
        finally
        {
            foreach (var chat in chats)
            {
                chat.Dispose();
            }
        }
    }

    private static async Task<(int Status, string Answer)> PostAsync(HttpClient http, FuzzCase fuzzCase, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(fuzzCase.Body);
        if (fuzzCase.ContentType.Length > 0)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue(fuzzCase.ContentType);
        }

        try
        {
            using var response = await http.PostAsync(new Uri("/api/messages", UriKind.Relative), content, cancellationToken);
            var answer = await response.Content.ReadAsStringAsync(cancellationToken);
            return ((int)response.StatusCode, answer.Length > 300 ? answer[..300] : answer);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return (0, $"{exception.GetType().Name}: {exception.Message} {exception.InnerException?.Message}");
        }
    }

    private static bool IsExpected(int status) => status is >= 200 and < 300 or 400 or 401 or 413 or 501;

    /// <summary>Walks a GROW conversation until the card of <paramref name="kind"/> waits: <paramref name="rows"/> rows past the frame's beginning.</summary>
    private static async Task<WaitingCard> WaitAtCardAsync(TeamsChat chat, string kind, int rows, object submit, DateOnly today)
    {
        await chat.ExchangeAsync(chat.Install(), 1);
        await Transcript.RunAsync(chat, [.. SessionWalk.Beginning(CoachingModels.Grow), .. SessionWalk.GrowMiddleAndEnding(today).Take(rows)]);
        var card = chat.LastCard() ?? throw new InvalidOperationException($"No {kind} card was sent.");
        return new WaitingCard(chat, kind, card.Id!, submit);
    }

    /// <summary>A GROW conversation walked to its end, then the open-actions card asked for.</summary>
    private static async Task<WaitingCard> WaitAtActionListAsync(TeamsChat chat, DateOnly today)
    {
        await chat.ExchangeAsync(chat.Install(), 1);
        await Transcript.RunAsync(chat, [.. SessionWalk.Beginning(CoachingModels.Grow), .. SessionWalk.GrowMiddleAndEnding(today)]);
        await chat.ExchangeAsync(chat.Message("actions"), 1);
        var card = chat.LastCard() ?? throw new InvalidOperationException("No actions card was sent.");
        var submit = new Dictionary<string, string> { [CardKinds.Field] = CardKinds.ActionList };
        var statuses = ActionListCard.Statuses.Select(s => s.Status.ToString()).ToArray();
        foreach (Match input in StatusInput().Matches(JsonSerializer.Serialize(card.Attachments![0].Content, BotJson.Options)))
        {
            submit[input.Groups[1].Value] = statuses[submit.Count % statuses.Length];
        }

        return new WaitingCard(chat, CardKinds.ActionList, card.Id!, submit);
    }

    // The bot runs on the real clock and the chats say the user is in Europe/London: their dates are that zone's.
    private static DateOnly UserToday() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).DateTime);

    /// <summary>Each Error or Critical entry of the console log (one JSON object a line), as its message and exception.</summary>
    private static List<string> ErrorBlocks(IReadOnlyList<string> lines)
    {
        var blocks = new List<string>();
        foreach (var line in lines)
        {
            if (!line.StartsWith('{') || !ErrorLevel().IsMatch(line))
            {
                continue;
            }

            try
            {
                using var entry = JsonDocument.Parse(line);
                var root = entry.RootElement;
                var text = $"{Text(root, "LogLevel")} {Text(root, "Category")}: {Text(root, "Message")}";
                var activity = LoggedCase().Match(line) is { Success: true } match ? $" (activity fuzz-{match.Groups[1].Value})" : "";
                blocks.Add($"{text}{activity}\n{Text(root, "Exception")}");
            }
            catch (JsonException)
            {
                blocks.Add(line);
            }
        }

        return blocks;

        static string Text(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
    }

    private static string Summary(FuzzRun run, ConcurrentDictionary<int, int> counts, TimeSpan time, int unexpected, int turnFailures, int errors, int unfinished, bool stayedUp, string? walkFailure)
    {
        var byStatus = string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{(c.Key == 0 ? "no answer" : c.Key.ToString(CultureInfo.InvariantCulture))}: {c.Value.ToString(CultureInfo.InvariantCulture)}"));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"""
            Door fuzz: seed {run.Seed}, {run.CaseNumbers.Count} cases in {time.TotalSeconds:0.0} s (replay: {run.Replay(null)})
              by status: {byStatus}
              unexpected statuses: {unexpected}; turns failed: {turnFailures}; errors logged: {errors}; turns unfinished at shutdown: {unfinished}; process stayed up: {(stayedUp ? "yes" : "NO")}; GROW walked to its summary afterwards: {(stayedUp && walkFailure is null ? "yes" : "NO")}
            """);
    }

    [GeneratedRegex(@"""LogLevel"":""(Error|Critical)""")]
    private static partial Regex ErrorLevel();

    [GeneratedRegex(@"Stopped waiting; (\d+) turns still running")]
    private static partial Regex DrainGaveUp();

    [GeneratedRegex(@"Turn for a .* activity failed")]
    private static partial Regex TurnFailed();

    [GeneratedRegex(@"""ActivityId"":""fuzz-(\d+)""")]
    private static partial Regex LoggedCase();

    [GeneratedRegex(@"\(activity fuzz-(\d+)\)")]
    private static partial Regex LoggedCaseInBlock();

    [GeneratedRegex(@"""id"":""(status\.[0-9a-f]{32})""")]
    private static partial Regex StatusInput();

    /// <summary>The run's seed and case numbers, from the environment.</summary>
    private sealed record FuzzRun(int Seed, IReadOnlyList<int> CaseNumbers)
    {
        public static FuzzRun FromEnvironment()
        {
            var seed = ReadInt("COACHINGBOT_FUZZ_SEED") ?? Random.Shared.Next();
            if (ReadInt("COACHINGBOT_FUZZ_CASE") is { } only)
            {
                return new FuzzRun(seed, [only]);
            }

            var cases = ReadInt("COACHINGBOT_FUZZ_CASES") ?? DefaultCases;
            return new FuzzRun(seed, [.. Enumerable.Range(0, cases)]);
        }

        public string Replay(int? number) =>
            $"COACHINGBOT_FUZZ_SEED={Seed.ToString(CultureInfo.InvariantCulture)}"
            + (number is { } n ? $" COACHINGBOT_FUZZ_CASE={n.ToString(CultureInfo.InvariantCulture)}" : $" COACHINGBOT_FUZZ_CASES={CaseNumbers.Count.ToString(CultureInfo.InvariantCulture)}")
            + " dotnet test tests/CoachingBot.Tests --filter FullyQualifiedName~DoorFuzzTests";

        private static int? ReadInt(string name) =>
            int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
