namespace CoachingBot.Teams.Dialogs;

/// <summary>Options of a <see cref="CardFormPrompt{T}"/>.</summary>
public sealed record CardFormPromptOptions : PromptOptions
{
    /// <summary>
    /// Values the card's inputs start with, by input id, as text the way a submit sends them (such as an answer being
    /// edited); null for a blank form.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Values { get; init; }
}
