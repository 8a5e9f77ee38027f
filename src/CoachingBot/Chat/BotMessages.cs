namespace CoachingBot.Chat;

/// <summary>What the bot says outside a coaching conversation: welcome, help and the replies to commands.</summary>
public static class BotMessages
{
    public static string PersonalWelcome(string? name) =>
        $"""
        Hi{(string.IsNullOrWhiteSpace(name) ? "" : " " + FirstName(name))}, I'm **CoachingBot**. I help you think things through between coaching sessions, on your own, by chat.

        I can take you through a coaching conversation one question at a time, say back what I heard, and keep the goal, options and actions you decide. Type **actions** later to update them.

        **Who sees what:** what you write to me here is saved for you alone. Your coach and your sponsor can't see it through me: there is no coach or sponsor access yet. I don't send check-ins or reminders yet either; you come to me when you want to.

        **To start:** type **start** and I'll suggest a coaching model, or **grow** to work on a goal straight away. Type **help** to see everything I can do.
        """;

    public const string GroupWelcome =
        """
        Hello everyone, I'm **CoachingBot**. You can walk through a coaching conversation together here, step by step: the person who starts it answers, and everyone in this chat sees the questions and answers. (Coaches have no tools of their own in me yet.)

        In a group chat I only see messages that mention me, so start each message with **@CoachingBot**, for example **@CoachingBot grow**. I ask one question at a time and say whose answer I'm waiting for.

        **Who sees what:** everything said in this chat is visible to everyone in it. Keep private reflections for your personal chat with me.

        Type **@CoachingBot help** to see the commands.
        """;

    public const string Help =
        """
        Here is what I can do. Type a command on its own:

        - **start**: two quick questions, and I suggest the coaching model that fits you best.
        - **grow**: a GROW conversation (Whitmore): Goal, Reality, Options, Will.
        - **egan**: Egan's Skilled Helper: the current picture, the preferred picture, the way forward.
        - **aligraham**: Ali and Graham: clarifying, exploring, evaluating, action planning.
        - **actions**: your open actions; change their status (open, in progress, done, dropped).
        - **history**: your past conversations (model, date, goal); open one to see its summary again.
        - **reflect**: record a reflection between sessions. *Not available yet.*
        - **help**: this list. It works at any point, even in the middle of a conversation.
        - **cancel**: stop the conversation in progress. What you have answered is kept as a draft, and next time I'll offer to pick it up.

        Every conversation opens by asking what you want from it and how much time you have (with ten minutes, I keep to the main questions and short cards). I ask one question at a time: type **more** for a further question, **skip** or **I don't know** if you're stuck, **back** to change your last answer. Cards take your goal, options and actions, or type them instead (options and actions one a line). It closes with your actions, a check that we did what you wanted, a date to look at your progress again (noted on the summary; I don't send reminders yet), and a quick FIRST rating. You get a summary at the end.

        **Who sees what:** what you write is saved for you alone. There is no coach or sponsor access yet, and no scheduled check-ins: I only answer when you write to me.
        """;

    public const string GroupHelpNote = "In this group chat, mention me first: **@CoachingBot grow**. One person answers at a time; I say whose answer I'm waiting for, and cards carry most of the input.";

    public const string CancelledKeptDraft = "Stopped. What you answered is saved as a draft; start the same conversation again and I'll offer to pick it up where you left off.";

    public static string WaitingFor(string? name) =>
        $"I'm waiting for **{(string.IsNullOrWhiteSpace(name) ? "the person who started this conversation" : name)}** to answer. (Anyone can type **help**.)";

    public const string Cancelled = "Stopped. Nothing more will be asked in that conversation. Type **grow** to start a new one, or **help** for the commands.";

    public const string NothingToCancel = "There's nothing in progress to cancel. Type **help** to see what I can do.";

    public const string ResumeAfterHelp = "Now, back to where we were:";

    public const string NotUnderstood = "I didn't catch that. Type **start** to begin a coaching conversation, or **help** to see what I can do.";

    public static string NotAvailableYet(Command command) => command switch
    {
        Command.Reflect => "Reflections aren't available yet. They're on their way; meanwhile **start** takes you through a coaching conversation.",
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
