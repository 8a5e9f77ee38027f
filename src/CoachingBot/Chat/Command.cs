namespace CoachingBot.Chat;

/// <summary>The words a user can type to the bot.</summary>
public enum Command
{
    None,
    Help,
    Cancel,
    Start,
    Grow,
    Egan,
    AliGraham,
    Reflect,
    Actions,
    History,
}

public static class Commands
{
    private static readonly Dictionary<string, Command> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["help"] = Command.Help,
        ["?"] = Command.Help,
        ["cancel"] = Command.Cancel,
        ["stop"] = Command.Cancel,
        ["quit"] = Command.Cancel,
        ["start"] = Command.Start,
        ["grow"] = Command.Grow,
        ["egan"] = Command.Egan,
        ["aligraham"] = Command.AliGraham,
        ["ali & graham"] = Command.AliGraham,
        ["ali and graham"] = Command.AliGraham,
        ["reflect"] = Command.Reflect,
        ["actions"] = Command.Actions,
        ["history"] = Command.History,
    };

    /// <summary>
    /// Reads a command from normalized text: the whole message must be the command word, optionally with a leading
    /// slash, so that an answer that merely contains "help" is not taken as a command.
    /// </summary>
    public static Command Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Command.None;
        }

        var word = text.Trim().TrimStart('/').TrimEnd('.', '!');
        return Words.GetValueOrDefault(word, Command.None);
    }
}
