using CoachingBot.Teams.Schema;

namespace CoachingBot.Teams.Dialogs;

/// <summary>Settings of the <see cref="DialogRunner"/>.</summary>
public sealed class DialogRunnerOptions
{
    /// <summary>
    /// Which stored dialog stack an activity belongs to. The default, <see cref="ConversationKey"/>, keeps one stack per
    /// conversation, so a coach and a client share it in a group chat.
    /// </summary>
    public Func<Activity, string> StateKey { get; set; } = ConversationKey;

    /// <summary>How many times a turn is run when its state write keeps losing to another writer; at least 1.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Told to the user when the stored state could not be read and the conversation starts afresh.</summary>
    public string LostTrackMessage { get; set; } = PromptWording.LostTrack;

    /// <summary><c>{channelId}/{conversationId}</c>.</summary>
    /// <exception cref="ArgumentException">The activity has no conversation id.</exception>
    public static string ConversationKey(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var conversationId = activity.Conversation?.Id;
        if (string.IsNullOrEmpty(conversationId))
        {
            throw new ArgumentException("The activity has no conversation id.", nameof(activity));
        }

        return $"{activity.ChannelId}/{conversationId}";
    }
}
