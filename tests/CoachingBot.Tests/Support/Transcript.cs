using System.Text.Json;
using CoachingBot.Teams.Schema;

namespace CoachingBot.Tests.Support;

/// <summary>
/// A conversation as a table: what the user sends, and the bot's messages in answer, each given by a fragment
/// it must contain. The number of fragments is the number of messages expected, so an extra or missing
/// message shows as a mismatch on that row.
/// </summary>
public static class Transcript
{
    /// <summary>
    /// Rows of what the user sends (text, a <see cref="CardSubmit"/>, or an activity made with the chat, such as a
    /// message with a timestamp) and what the bot answers.
    /// </summary>
    public static async Task RunAsync(TeamsChat chat, params (object UserSends, string[] BotSays)[] rows)
    {
        ArgumentNullException.ThrowIfNull(chat);
        foreach (var (userSends, botSays) in rows)
        {
            var before = chat.Replies.Count;
            var (activity, userSays) = userSends switch
            {
                CardSubmit submit => (chat.Submit(submit.Values), "(card) " + JsonSerializer.Serialize(submit.Values)),
                Activity made => (made, made.Text ?? "(activity)"),
                _ => (chat.Message((string)userSends), (string)userSends),
            };
            var all = await chat.ExchangeAsync(activity, botSays.Length);
            var answer = all.Skip(before).Where(reply => reply.ReplyToId == activity.Id).ToList();
            Assert.True(answer.Count == botSays.Length, $"After \"{userSays}\" expected {botSays.Length} messages, got {answer.Count}:\n{TeamsChat.Describe(answer)}");
            for (var i = 0; i < botSays.Length; i++)
            {
                var content = TeamsChat.Content(answer[i]);
                Assert.True(
                    content.Contains(botSays[i], StringComparison.Ordinal),
                    $"After \"{userSays}\", message {i + 1} should contain \"{botSays[i]}\" but was:\n{content}");
            }
        }
    }
}

/// <summary>A card submit in a transcript row: the inputs as Teams posts them.</summary>
public sealed record CardSubmit(object Values);
