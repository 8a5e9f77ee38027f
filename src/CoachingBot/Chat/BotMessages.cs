namespace CoachingBot.Chat;

/// <summary>What the bot says outside a coaching conversation: welcome, help and the replies to commands; the wording is in ChatTexts.resx.</summary>
public static class BotMessages
{
    public static string PersonalWelcome(string? name) =>
        (string.IsNullOrWhiteSpace(name) ? ChatTexts.PersonalGreetingNoName : TextFormat.Format(ChatTexts.PersonalGreeting, FirstName(name)))
        + "\n\n" + ChatTexts.PersonalWelcome;

    public static string GroupWelcome => ChatTexts.GroupWelcome;

    public static string Help => ChatTexts.Help;

    public static string GroupHelpNote => ChatTexts.GroupHelpNote;

    public static string CancelledKeptDraft => ChatTexts.CancelledKeptDraft;

    public static string WaitingFor(string? name) =>
        TextFormat.Format(ChatTexts.WaitingFor, string.IsNullOrWhiteSpace(name) ? ChatTexts.WaitingForNoName : name);

    public static string Cancelled => ChatTexts.Cancelled;

    public static string NothingToCancel => ChatTexts.NothingToCancel;

    public static string ResumeAfterHelp => ChatTexts.ResumeAfterHelp;

    public static string NotUnderstood => ChatTexts.NotUnderstood;

    public static string NotAvailableYet(Command command) => command switch
    {
        Command.Reflect => ChatTexts.ReflectNotAvailable,
        _ => NotUnderstood,
    };

    public static string CardAlreadySaved => ChatTexts.CardAlreadySaved;

    public static string CardActionNotAvailable => ChatTexts.CardActionNotAvailable;

    private static string FirstName(string name)
    {
        var trimmed = name.Trim();
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? trimmed[..space] : trimmed;
    }
}
