using System.Text;

namespace CoachingBot.Teams.Dialogs;

/// <summary>What the prompts say when an answer is not accepted. Kept together so the wording stays consistent.</summary>
internal static class PromptTexts
{
    public const string NotAccepted = "Sorry, I can't take that answer. Please try again.";
    public const string TypeAnAnswer = "Please type your answer.";
    public static readonly CompositeFormat TooLong = CompositeFormat.Parse("That's {0} characters; please keep it to {1} or fewer. Nothing has been saved yet.");

    public static readonly CompositeFormat NotANumber = CompositeFormat.Parse("Please enter a number, such as {0}.");
    public static readonly CompositeFormat NotAWholeNumber = CompositeFormat.Parse("Please enter a whole number, such as {0}.");
    public static readonly CompositeFormat NumberBetween = CompositeFormat.Parse("Please enter a number from {0} to {1}.");
    public static readonly CompositeFormat NumberAtLeast = CompositeFormat.Parse("Please enter a number of {0} or more.");
    public static readonly CompositeFormat NumberAtMost = CompositeFormat.Parse("Please enter a number of {0} or less.");

    public static readonly CompositeFormat NotADate = CompositeFormat.Parse("I couldn't read that as a date. Please type a date like {0}, or words like tomorrow, next Friday or in two weeks.");
    public static readonly CompositeFormat DateInPast = CompositeFormat.Parse("That date is in the past. Please choose today ({0}) or a later date.");
    public static readonly CompositeFormat DateTooEarly = CompositeFormat.Parse("Please choose {0} or a later date.");

    public const string YesOrNo = "Please answer yes or no.";

    public static readonly CompositeFormat UnknownChoice = CompositeFormat.Parse("Sorry, that isn't one of the options. Please click a button, or type one of: {0}.");

    public const string NothingToGoBackTo = "There's no earlier question to go back to here.";
    public static readonly CompositeFormat PreviousAnswer = CompositeFormat.Parse("Back to the previous question. Your answer was:\n\n{0}\n\nType a new answer, or the same again to keep it.");
    public const string BackToPreviousCard = "Back to the previous question.";
    public const string AddedToPreviousAnswer = "I've added that to your previous answer.";

    public const string UseTheCard = "Please use the card's button to send your answers.";
    public const string FixTheCard = "Some answers need another look; I've marked them on the card.";
}
