using System.Globalization;
using CoachingBot.Sessions;

namespace CoachingBot.Micro.Harness;

/// <summary>A GROW conversation walked as far as the Reality question, the point the dialog-state and turn benchmarks start from.</summary>
internal static class GrowWalk
{
    public const string RealityAnswer = "Morale is low since the reorganisation was announced, and I keep putting off the hard conversations";

    /// <summary>Installs the bot for a new user and walks GROW to the Reality question; checks that each step got its answer.</summary>
    public static async Task<TeamsUser> ToRealityAsync(BotHarness bot)
    {
        var user = new TeamsUser();
        var log = bot.Connector.Log(user.ConversationId);
        await bot.RunAsync(user.Install());
        foreach (var text in new[] { "grow", "Clarity on my next step as a manager", "20 minutes", "yes" })
        {
            await ExpectRepliesAsync(bot, log, user.Message(text), text);
        }

        var goalCard = log.LastCardId ?? throw new InvalidOperationException("GROW did not show the goal card.");
        await ExpectRepliesAsync(bot, log, user.Submit(Goal(), goalCard), "the goal card");
        if (log.LastUpdatedId != goalCard)
        {
            throw new InvalidOperationException("The goal card was not saved.");
        }

        return user;
    }

    /// <summary>The goal card's submit, with a target date four months after today.</summary>
    public static object Goal() => new
    {
        card = CardKinds.Goal,
        goal = "Lead my team through the reorganisation with confidence",
        specific = "Run the change meetings myself",
        measure = "Team survey confidence score up by 10 points",
        achievable = "",
        relevant = "The reorganisation starts in April",
        targetDate = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(120).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    public static async Task ExpectRepliesAsync(BotHarness bot, NoOpConnector.ConversationLog log, Teams.Schema.Activity activity, string what)
    {
        var before = log.Count;
        await bot.RunAsync(activity);
        if (log.Count == before)
        {
            throw new InvalidOperationException($"The bot did not answer {what}.");
        }
    }
}
