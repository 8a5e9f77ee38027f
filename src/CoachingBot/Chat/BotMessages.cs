namespace CoachingBot.Chat;

/// <summary>What the bot says outside a coaching conversation: welcome, help and the replies to commands.</summary>
public static class BotMessages
{
    public static string PersonalWelcome(string? name) =>
        $"""
        Hi{(string.IsNullOrWhiteSpace(name) ? "" : " " + FirstName(name))}, I'm **CoachingBot**, a coaching companion for your coaching programme.

        I can take you through a coaching conversation one question at a time, between or during your sessions, and keep what you decide.

        **Who sees what:** what you write to me here is seen by you and your coach only. A sponsor (usually your line manager) sees only what you agree to share at a review, and the review card says so.

        **To start:** type **grow** to work on a goal with the GROW model, or **help** to see everything I can do.
        """;

    public const string GroupWelcome =
        """
        Hello everyone, I'm **CoachingBot**. A coach and client can run a coaching session together here, step by step.

        In a group chat I only see messages that mention me, so start each message with **@CoachingBot**, for example **@CoachingBot grow**. I ask one question at a time and say whose answer I'm waiting for.

        **Who sees what:** everything said in this chat is visible to everyone in it. Keep private reflections for your personal chat with me.

        Type **@CoachingBot help** to see the commands.
        """;

    public const string Help =
        """
        Here is what I can do. Type a command on its own:

        - **grow**: a GROW coaching conversation. Your **Goal** on a card (in your own words, then made SMART), then your **Reality**, and I play back what I heard. (The Options and Will stages, with cards for your actions, are coming.)
        - **egan**: Egan's Skilled Helper (current picture, preferred picture, the way forward). *Not available yet.*
        - **reflect**: record a reflection between sessions. *Not available yet.*
        - **actions**: list the actions you agreed and update their progress. *Not available yet.*
        - **help**: this list. It works at any point, even in the middle of a conversation.
        - **cancel**: stop the conversation in progress.

        **Who sees what:** what you write is seen by you and your coach only; a sponsor sees only what you agree to share.
        """;

    public const string GroupHelpNote = "In this group chat, mention me first: **@CoachingBot grow**.";

    public const string Cancelled = "Stopped. Nothing more will be asked in that conversation. Type **grow** to start a new one, or **help** for the commands.";

    public const string NothingToCancel = "There's nothing in progress to cancel. Type **help** to see what I can do.";

    public const string ResumeAfterHelp = "Now, back to where we were:";

    public const string NotUnderstood = "I didn't catch that. Type **grow** to start a coaching conversation, or **help** to see what I can do.";

    public static string NotAvailableYet(Command command) => command switch
    {
        Command.Egan => "Egan's Skilled Helper isn't available yet. It's on its way; meanwhile **grow** takes you through a goal-focused conversation.",
        Command.Reflect => "Reflections aren't available yet. They're on their way; meanwhile **grow** takes you through a goal-focused conversation.",
        Command.Actions => "Your action list isn't available yet. It arrives with the full coaching sessions.",
        _ => NotUnderstood,
    };

    public const string CardAlreadySaved = "That card has already been saved, so nothing has changed.";

    public const string CardActionNotAvailable = "That card's action isn't available. Type **help** to see what I can do.";

    private static string FirstName(string name)
    {
        var trimmed = name.Trim();
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? trimmed[..space] : trimmed;
    }
}
