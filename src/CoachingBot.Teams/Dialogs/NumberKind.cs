namespace CoachingBot.Teams.Dialogs;

/// <summary>Which numbers a <see cref="NumberPrompt"/> takes.</summary>
public enum NumberKind
{
    /// <summary>Whole numbers only; the result is a JSON integer.</summary>
    WholeNumber,
    /// <summary>Numbers with or without a fractional part; the result is a JSON number.</summary>
    AnyNumber,
}
