using CoachingBot.Models;

namespace CoachingBot.Sessions;

/// <summary>What a coaching conversation says around its questions; the wording is in ConversationTexts.resx and SessionReplies.resx.</summary>
public static class SessionTexts
{
    /// <summary>Markers kept with the answers for the frame's steps that have no field of their own.</summary>
    public const string ContractAgreedKey = "frame.contract";
    public const string ActionsAgreedKey = "frame.actions";

    public static string WeighQuestion => ConversationTexts.WeighQuestion;

    public static string ShortlistQuestion => ConversationTexts.ShortlistQuestion;

    public static string ChooseQuestion => ConversationTexts.ChooseQuestion;

    public static string FirstQuestion => ConversationTexts.FirstQuestion;

    public static string MoreHint => ConversationTexts.MoreHint;

    public static string GentlerLead => ConversationTexts.GentlerLead;

    public static string MovingOn => ConversationTexts.MovingOn;

    public static string OfferedActionConfidence => ConversationTexts.OfferedActionConfidence;

    public static string Closing => ConversationTexts.Closing;

    public static string BackPreviousAnswer => ConversationTexts.BackPreviousAnswer;

    public static string BackToCard => ConversationTexts.BackToCard;

    public static string BackStopsAtActions => ConversationTexts.BackStopsAtActions;

    public static string AddedToAnswer => ConversationTexts.AddedToAnswer;

    /// <summary>Answers that decline an offer ("no", "no thanks").</summary>
    public static bool IsDecline(string? answer) =>
        answer?.Trim().TrimEnd('.', '!').ToLowerInvariant() is "no" or "no thanks" or "no thank you" or "nope" or "not now" or "none";

    public static string Opening(CoachingModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return TextFormat.Format(SessionReplies.Opening, model.AConversation, model.Emphasis);
    }

    public static string Resuming(CoachingModel model, CoachingConversation conversation)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(conversation);
        return TextFormat.Format(SessionReplies.Resuming, model.ShortName);
    }

    public static string NotNow(CoachingModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return TextFormat.Format(SessionReplies.NotNow, model.Command);
    }

    public static string ForWhom(string? name) => string.IsNullOrWhiteSpace(name) ? string.Empty : TextFormat.Format(SessionReplies.ForWhom, name) + " ";

    public static string ActionAdded(ActionDraft action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return TextFormat.Format(SessionReplies.ActionAdded, Reflections.Quote(action.What, Reflections.SoFarLength), CardParts.LongDate(action.ByWhen));
    }

    /// <summary>
    /// A stage's question: its title and purpose, and one question only: the leading one, or the
    /// <paramref name="shown"/>th deeper one the client asked for with "more".
    /// </summary>
    public static string StageQuestion(Stage stage, int shown)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var question = stage.Questions[Math.Clamp(shown, 0, stage.Questions.Count - 1)];
        var hint = stage.Captures == CaptureKind.Text && shown + 1 < stage.Questions.Count ? "\n\n" + MoreHint : string.Empty;
        return shown == 0 ? $"**{stage.Title}**: {stage.Purpose}\n\n{question}{hint}" : question + hint;
    }
}
