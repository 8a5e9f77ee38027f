using System.Text;

namespace CoachingBot.Teams.Dialogs;

/// <summary>
/// What the prompts say when an answer is not accepted, kept together so the wording stays consistent. The wording is
/// in PromptWording.resx, so an app can change or translate it without touching the library.
/// </summary>
internal static class PromptTexts
{
    public static string NotAccepted => PromptWording.NotAccepted;
    public static string TypeAnAnswer => PromptWording.TypeAnAnswer;
    public static CompositeFormat TooLong => CompositeFormat.Parse(PromptWording.TooLong);

    public static CompositeFormat NotANumber => CompositeFormat.Parse(PromptWording.NotANumber);
    public static CompositeFormat NotAWholeNumber => CompositeFormat.Parse(PromptWording.NotAWholeNumber);
    public static CompositeFormat NumberBetween => CompositeFormat.Parse(PromptWording.NumberBetween);
    public static CompositeFormat NumberAtLeast => CompositeFormat.Parse(PromptWording.NumberAtLeast);
    public static CompositeFormat NumberAtMost => CompositeFormat.Parse(PromptWording.NumberAtMost);

    public static CompositeFormat NotADate => CompositeFormat.Parse(PromptWording.NotADate);
    public static CompositeFormat DateInPast => CompositeFormat.Parse(PromptWording.DateInPast);
    public static CompositeFormat DateTooEarly => CompositeFormat.Parse(PromptWording.DateTooEarly);

    public static string YesOrNo => PromptWording.YesOrNo;
    public static string Yes => PromptWording.ConfirmYes;
    public static string No => PromptWording.ConfirmNo;

    public static CompositeFormat UnknownChoice => CompositeFormat.Parse(PromptWording.UnknownChoice);
    public static CompositeFormat ChoiceFallback => CompositeFormat.Parse(PromptWording.ChoiceFallback);

    public static string NothingToGoBackTo => PromptWording.NothingToGoBackTo;
    public static CompositeFormat PreviousAnswer => CompositeFormat.Parse(PromptWording.PreviousAnswer);
    public static string BackToPreviousCard => PromptWording.BackToPreviousCard;
    public static string AddedToPreviousAnswer => PromptWording.AddedToPreviousAnswer;

    public static string UseTheCard => PromptWording.UseTheCard;
    public static string FixTheCard => PromptWording.FixTheCard;
}
