namespace CoachingBot.Teams.Dialogs;

/// <summary>
/// An extra check on an answer a prompt understood. Returns null to accept it, or the reason, told to the user before
/// the question is asked again.
/// </summary>
public delegate Task<string?> PromptValidator(PromptValidatorContext context, CancellationToken cancellationToken);
