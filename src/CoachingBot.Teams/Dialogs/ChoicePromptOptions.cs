namespace CoachingBot.Teams.Dialogs;

/// <summary>Options of a <see cref="ChoicePrompt"/>.</summary>
public sealed record ChoicePromptOptions : PromptOptions
{
    /// <summary>
    /// The options, in the order shown and numbered from 1. No value, title or synonym may belong to two options.
    /// </summary>
    public IReadOnlyList<PromptChoice> Choices { get; init; } = [];
}
