namespace CoachingBot.Teams.Dialogs;

/// <summary>Options of a <see cref="DatePrompt"/>: the earliest date taken.</summary>
public sealed record DatePromptOptions : PromptOptions
{
    /// <summary>The earliest date taken; null for none.</summary>
    public DateOnly? NotBefore { get; init; }

    /// <summary>True refuses dates before the user's today (in their time zone), as for a date still to come.</summary>
    public bool NotBeforeToday { get; init; }
}
