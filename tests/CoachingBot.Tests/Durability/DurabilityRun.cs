using System.Globalization;

namespace CoachingBot.Tests.Durability;

/// <summary>
/// The scale and limits of the durability tests. Each can be changed by an environment variable; the defaults are the
/// figures issue 7 asks for (200 conversations, at least 10 kills).
/// </summary>
internal static class DurabilityRun
{
    /// <summary>COACHINGBOT_CRASH_CONVERSATIONS: conversations walking GROW at once in the crash test.</summary>
    public static int Conversations => Read("COACHINGBOT_CRASH_CONVERSATIONS", 200);

    /// <summary>COACHINGBOT_CRASH_KILLS: SIGKILLs in one crash test, each followed by a restart.</summary>
    public static int Kills => Read("COACHINGBOT_CRASH_KILLS", 10, minimum: 0);

    /// <summary>COACHINGBOT_CRASH_SEED: seeds the kill moments and the connector's delays, so a run can be repeated.</summary>
    public static int Seed => Read("COACHINGBOT_CRASH_SEED", 20261203);

    /// <summary>COACHINGBOT_CRASH_TIMEOUT_SECONDS: the most one crash test may take before it fails.</summary>
    public static TimeSpan Timeout => TimeSpan.FromSeconds(Read("COACHINGBOT_CRASH_TIMEOUT_SECONDS", 600));

    /// <summary>
    /// How long, once the last restart is done, a conversation waits for the answer to its latest message. It covers a
    /// lease left by a killed process running out (5 s below) and the next recovery sweep, with room for a busy machine.
    /// </summary>
    public static readonly TimeSpan AnswerWait = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Settings for every bot process of these tests: quiet logs (the console is kept only for failure messages), and
    /// short leases and recovery sweeps so that work left by a killed process is taken up within seconds. The last
    /// are read by the durable turn pipeline; a bot without it ignores them.
    /// </summary>
    public static Dictionary<string, string> Settings(IReadOnlyDictionary<string, string> storage, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string>(storage)
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
            ["Bot:Hosting:LaneLease"] = "00:00:05",
            ["Bot:Hosting:RecoveryInterval"] = "00:00:01",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>The bot's today: a bot process runs on the real clock, so the walk's dates are counted from it.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    private static int Read(string variable, int fallback, int minimum = 1) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= minimum ? value : fallback;
}
