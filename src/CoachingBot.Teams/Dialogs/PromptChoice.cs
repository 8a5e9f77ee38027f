namespace CoachingBot.Teams.Dialogs;

/// <summary>One option of a <see cref="ChoicePrompt"/>.</summary>
/// <param name="Value">What the prompt returns when this option is chosen.</param>
/// <param name="Title">The button's label; <paramref name="Value"/> when null.</param>
/// <param name="Synonyms">Other words the user may type for this option.</param>
public sealed record PromptChoice(string Value, string? Title = null, IReadOnlyList<string>? Synonyms = null)
{
    /// <summary>The label shown: <see cref="Title"/>, else <see cref="Value"/>.</summary>
    public string Label => string.IsNullOrWhiteSpace(Title) ? Value : Title;
}
