namespace CoachingBot.Teams.Dialogs;

/// <summary>What a <see cref="CardFormPrompt{T}"/> hands its card builder.</summary>
/// <param name="Values">The inputs' values by id: the options' starting values, overlaid on a retry with what the user sent.</param>
/// <param name="Errors">Field errors by input id from the last submit (the form as a whole under ""); empty on the first showing.</param>
/// <param name="Options">The prompt's options.</param>
public sealed record CardFormView(
    IReadOnlyDictionary<string, string> Values,
    IReadOnlyDictionary<string, string> Errors,
    CardFormPromptOptions Options);
