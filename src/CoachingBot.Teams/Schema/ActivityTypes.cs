namespace CoachingBot.Teams.Schema;

/// <summary>The values of <see cref="Activity.Type"/> this library acts on.</summary>
public static class ActivityTypes
{
    /// <summary>A message from a user or the bot: text, attachments, or card submit data in <c>value</c>.</summary>
    public const string Message = "message";
    /// <summary>Members joined or left, or the bot was added to or removed from a conversation.</summary>
    public const string ConversationUpdate = "conversationUpdate";
    /// <summary>The app was installed (<c>action</c> "add") or uninstalled ("remove").</summary>
    public const string InstallationUpdate = "installationUpdate";
    /// <summary>A request the bot answers synchronously in the HTTP response, such as <c>adaptiveCard/action</c>.</summary>
    public const string Invoke = "invoke";
    /// <summary>A notification about something that happened, such as a reaction or a read receipt.</summary>
    public const string Event = "event";
    /// <summary>A reaction added to or removed from a message.</summary>
    public const string MessageReaction = "messageReaction";
    /// <summary>A message was edited, deleted or undeleted.</summary>
    public const string MessageUpdate = "messageUpdate";
    /// <summary>A message was deleted.</summary>
    public const string MessageDelete = "messageDelete";
    /// <summary>The sender is typing.</summary>
    public const string Typing = "typing";
}
