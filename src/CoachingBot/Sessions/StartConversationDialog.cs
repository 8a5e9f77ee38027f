using System.Globalization;
using System.Text.Json.Nodes;
using CoachingBot.Models;
using CoachingBot.Teams.Dialogs;
using CoachingBot.Teams.Schema;

namespace CoachingBot.Sessions;

/// <summary>
/// Starts a model's conversation, first offering to resume the client's unfinished one in this chat, so leaving
/// half way never loses what was answered. A new one opens with a review of the last goal and open actions
/// (<see cref="RecapDialog"/>), as a coaching session does, before the model's first stage.
/// </summary>
public sealed class StartConversationDialog : WaterfallDialog
{
    public const string DialogId = "session.start";

    private const string ModelKey = "model";
    private const string UnfinishedKey = "unfinished";
    private const string UnfinishedModelKey = "unfinishedModel";
    private const string ResumeKey = "resume";

    private readonly ICoachingConversationStore _conversations;

    public StartConversationDialog(ICoachingConversationStore conversations)
        : base(DialogId)
    {
        _conversations = conversations;
        AddStep(OfferResumeStepAsync);
        AddStep(RecapStepAsync);
        AddStep(BeginStepAsync);
        AddStep(EndStepAsync);
    }

    public static JsonNode Options(CoachingModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new JsonObject { [ModelKey] = model.Id };
    }

    public static string ResumeQuestion(CoachingModel unfinished, CoachingConversation conversation)
    {
        ArgumentNullException.ThrowIfNull(unfinished);
        ArgumentNullException.ThrowIfNull(conversation);
        var when = conversation.UpdatedAt.UtcDateTime.ToString("d MMMM", CultureInfo.InvariantCulture);
        return TextFormat.Format(SessionReplies.ResumeQuestion, unfinished.ShortName, when);
    }

    private async Task<DialogTurnResult> OfferResumeStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var model = CoachingModels.Find(step.Options?[ModelKey]?.GetValue<string>()) ?? CoachingModels.Grow;
        step.Values[ModelKey] = model.Id;
        var activity = step.Context.Activity;
        var unfinished = await _conversations.FindUnfinishedAsync(activity.From!.Id!, activity.Conversation!.Id!, cancellationToken).ConfigureAwait(false);
        // The one this very message started, before a crash made its turn run again, is not an earlier conversation.
        if (unfinished is null || unfinished.Id == ModelConversationDialog.NewConversationId(activity)
            || CoachingModels.Find(unfinished.ModelId) is not { } unfinishedModel)
        {
            return await step.NextAsync(JsonValue.Create(false), cancellationToken).ConfigureAwait(false);
        }

        step.Values[UnfinishedKey] = unfinished.Id.ToString("D");
        step.Values[UnfinishedModelKey] = unfinishedModel.Id;
        return await step.PromptAsync(SessionPrompts.Confirm, new PromptOptions { Prompt = MessageFactory.Text(ResumeQuestion(unfinishedModel, unfinished)) }, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<DialogTurnResult> RecapStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var resume = step.Result?.GetValue<bool>() == true;
        step.Values[ResumeKey] = resume;
        return resume
            ? await step.NextAsync(cancellationToken: cancellationToken).ConfigureAwait(false)
            : await step.BeginDialogAsync(RecapDialog.DialogId, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static async Task<DialogTurnResult> BeginStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var resume = step.Values[ResumeKey]?.GetValue<bool>() == true;
        if (resume && CoachingModels.Find(step.Values[UnfinishedModelKey]?.GetValue<string>()) is { } unfinishedModel
            && Guid.TryParse(step.Values[UnfinishedKey]?.GetValue<string>(), out var id))
        {
            return await step.BeginDialogAsync(ModelConversationDialog.IdFor(unfinishedModel), ModelConversationDialog.StartOptions(id), cancellationToken).ConfigureAwait(false);
        }

        var model = CoachingModels.Find(step.Values[ModelKey]?.GetValue<string>()) ?? CoachingModels.Grow;
        return await step.BeginDialogAsync(ModelConversationDialog.IdFor(model), ModelConversationDialog.StartOptions(null), cancellationToken).ConfigureAwait(false);
    }

    private static Task<DialogTurnResult> EndStepAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        step.EndDialogAsync(step.Result?.DeepClone(), cancellationToken);
}
