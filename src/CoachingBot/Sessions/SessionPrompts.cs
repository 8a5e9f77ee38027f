using CoachingBot.Teams.Dialogs;

namespace CoachingBot.Sessions;

/// <summary>The prompts a coaching conversation asks with, one of each, shared by every model.</summary>
public static class SessionPrompts
{
    public const string Text = "session.text";
    public const string Goal = "session.goal";
    public const string Options = "session.options";
    public const string Shortlist = "session.shortlist";
    public const string Weigh = "session.weigh";
    public const string Actions = "session.actions";
    public const string First = "session.first";
    public const string Choice = "session.choice";
    public const string Confirm = "session.confirm";
    public const string Date = "session.date";
    public const string Number = "session.number";

    /// <summary>Makers of each prompt; dates are checked against the user's own today, from <see cref="TimeProvider"/>.</summary>
    public static IReadOnlyList<Func<TimeProvider, Dialog>> Factories { get; } =
    [
        _ => new TextPrompt(Text),
        time => new CardFormPrompt<GoalDraft>(Goal, GoalCard.Form, (value, turn) => GoalCard.Read(value, UserClock.Today(turn.Activity, time)))
        {
            ReadTyped = (text, turn, _) => TypedAnswers.Goal(text, turn, UserClock.Today(turn.Activity, time)),
        },
        _ => new CardFormPrompt<IReadOnlyList<string>>(Options, OptionsCard.ListForm, OptionsCard.ReadList) { ReadTyped = TypedAnswers.Options, ClaimsTyped = TypedAnswers.IsList },
        _ => new CardFormPrompt<IReadOnlyList<string>>(Shortlist, OptionsCard.ShortlistForm, OptionsCard.ReadShortlist) { ReadTyped = TypedAnswers.Shortlist },
        _ => new CardFormPrompt<IReadOnlyList<OptionItem>>(Weigh, OptionsCard.WeighForm, OptionsCard.ReadWeighing) { ReadTyped = TypedAnswers.Weigh },
        time => new CardFormPrompt<IReadOnlyList<ActionDraft>>(Actions, ActionsCard.Form, (value, turn) => ActionsCard.Read(value, UserClock.Today(turn.Activity, time)))
        {
            ReadTyped = (text, turn, options) => TypedAnswers.Actions(text, turn, options, UserClock.Today(turn.Activity, time)),
            ClaimsTyped = TypedAnswers.IsList,
        },
        _ => new CardFormPrompt<FirstRatings>(First, FirstCard.Form, FirstCard.Read) { ReadTyped = TypedAnswers.First },
        _ => new ChoicePrompt(Choice),
        _ => new ConfirmPrompt(Confirm),
        time => new DatePrompt(Date, time),
        _ => new NumberPrompt(Number),
    ];
}
