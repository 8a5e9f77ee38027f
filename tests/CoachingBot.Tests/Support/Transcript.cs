
namespace CoachingBot.Tests.Support;

/// <summary>
/// A conversation as a table: what the user sends, and the bot's messages in answer, each given by a fragment
/// it must contain. The number of fragments is the number of messages expected, so an extra or missing
/// message shows as a mismatch on that row.
/// </summary>
public static class Transcript
{
    public static async Task RunAsync(TeamsChat chat, params (string UserSays, string[] BotSays)[] rows)
    {
        ArgumentNullException.ThrowIfNull(chat);
        foreach (var (userSays, botSays) in rows)
        {
            var before = chat.Replies.Count;
            var all = await chat.ExchangeAsync(chat.Message(userSays), botSays.Length);
            var answer = all.Skip(before).ToList();
            Assert.True(answer.Count == botSays.Length, $"After \"{userSays}\" expected {botSays.Length} messages, got {answer.Count}:\n{TeamsChat.Describe(answer)}");
            for (var i = 0; i < botSays.Length; i++)
            {
                Assert.True(
                    answer[i].Text?.Contains(botSays[i], StringComparison.Ordinal) == true,
                    $"After \"{userSays}\", message {i + 1} should contain \"{botSays[i]}\" but was:\n{answer[i].Text}");
            }
        }
    }
}
