namespace CoachingBot.Sessions;

/// <summary>
/// Each form card carries its kind in its submit data, so a submit can be matched to the question waiting for it,
/// and a late or second submit of a card already answered is recognised.
/// </summary>
public static class CardKinds
{
    public const string Field = "card";

    public const string Goal = "goal";
    public const string Options = "options";
    public const string OptionsShortlist = "optionsShortlist";
    public const string OptionsWeighed = "optionsWeighed";
    public const string Actions = "actions";
    public const string First = "first";

    /// <summary>The open-actions card; handled whenever it is pressed, not by a waiting prompt.</summary>
    public const string ActionList = "actionList";

    /// <summary>The past-conversations card; handled whenever it is pressed, not by a waiting prompt.</summary>
    public const string History = "history";

    /// <summary>The prompt that waits for this kind of card, or null for a kind no prompt takes.</summary>
    public static string? PromptFor(string? kind) => kind switch
    {
        Goal => SessionPrompts.Goal,
        Options => SessionPrompts.Options,
        OptionsShortlist => SessionPrompts.Shortlist,
        OptionsWeighed => SessionPrompts.Weigh,
        Actions => SessionPrompts.Actions,
        First => SessionPrompts.First,
        _ => null,
    };
}
