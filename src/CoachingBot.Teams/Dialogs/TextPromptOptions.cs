namespace CoachingBot.Teams.Dialogs;

/// <summary>Options of a <see cref="TextPrompt"/>.</summary>
public sealed record TextPromptOptions : PromptOptions
{
    /// <summary>
    /// The longest answer a Teams message can carry, as the endpoint accepts it
    /// (<see cref="Hosting.ActivityValidator.MaxTextLength"/>): a limit at this length never refuses what someone could send.
    /// </summary>
    public const int LongestMessage = Hosting.ActivityValidator.MaxTextLength;

    /// <summary>The most characters (UTF-16 code units, as storage counts them) an answer may have; null for no limit.</summary>
    public int? MaxLength { get; init; }
}
