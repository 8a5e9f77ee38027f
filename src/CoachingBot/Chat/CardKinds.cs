using CoachingBot.Sessions;

namespace CoachingBot.Chat;

/// <summary>
/// Each form card carries its kind in its submit data, so a submit can be matched to the question waiting for it,
/// and a late or second submit of a card already answered is recognised.
/// </summary>
public static class CardKinds
{
    public const string Field = "card";

    public const string Goal = "goal";

    /// <summary>The prompt that waits for this kind of card, or null for a kind no prompt takes.</summary>
    public static string? PromptFor(string? kind) => kind switch
    {
        Goal => GrowDialog.GoalPromptId,
        _ => null,
    };
}
