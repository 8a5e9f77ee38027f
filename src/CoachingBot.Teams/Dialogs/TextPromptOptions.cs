namespace CoachingBot.Teams.Dialogs;

/// <summary>Options of a <see cref="TextPrompt"/>.</summary>
public sealed record TextPromptOptions : PromptOptions
{
    /// <summary>The most characters (UTF-16 code units, as storage counts them) an answer may have; null for no limit.</summary>
    public int? MaxLength { get; init; }
}
