namespace CoachingBot.Teams.Dialogs;

/// <summary>Options of a <see cref="NumberPrompt"/>: the range an answer must fall in, both ends included.</summary>
public sealed record NumberPromptOptions : PromptOptions
{
    /// <summary>The smallest answer taken; null for no lower bound.</summary>
    public decimal? Min { get; init; }

    /// <summary>The largest answer taken; null for no upper bound.</summary>
    public decimal? Max { get; init; }
}
