using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoachingBot.Models;
using CoachingBot.Teams.Cards;
using CoachingBot.Teams.Dialogs;
using CoachingBot.Teams.Hosting;
using CoachingBot.Teams.Schema;

namespace CoachingBot.Sessions;

/// <summary>
/// Runs any coaching model inside the conversation frame: the beginning (what the client wants, the time they have,
/// the contract), the model's stages, and the ending (actions, the contract checked, follow-up, FIRST). Each answer
/// is saved as it comes, so a conversation left half way can be resumed where it stopped.
/// </summary>
public sealed class ModelConversationDialog : Dialog
{
    public const string IdPrefix = "session.";
    public const int MaxTextAnswerLength = TextPromptOptions.LongestMessage;

    private const string ConversationKey = "conversationId";
    private const string AskKey = "ask";
    private const string OwnerIdKey = "ownerId";
    private const string OwnerNameKey = "ownerName";

    private readonly CoachingModel _model;
    private readonly ICoachingConversationStore _conversations;
    private readonly IActionStore _actions;
    private readonly TimeProvider _time;
    private readonly List<Ask> _asks;

    public ModelConversationDialog(CoachingModel model, ICoachingConversationStore conversations, IActionStore actions, TimeProvider time)
        : base(IdFor(model))
    {
        _model = model;
        _conversations = conversations;
        _actions = actions;
        _time = time;
        _asks = PlanAsks(model);
    }

    public CoachingModel Model => _model;

    public static string IdFor(CoachingModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return IdPrefix + model.Id;
    }

    /// <summary>Options to begin with: resume the conversation with this id, or start a new one (null).</summary>
    public static JsonNode StartOptions(Guid? resume) => new JsonObject { ["resume"] = resume?.ToString("D") };

    /// <summary>The user a conversation in progress is waiting for, from the dialog stack.</summary>
    public static (string? Id, string? Name) Owner(DialogInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return (instance.State[OwnerIdKey]?.GetValue<string>(), instance.State[OwnerNameKey]?.GetValue<string>());
    }

    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, JsonNode? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var instance = dc.ActiveDialog!;
        var resumeId = options?["resume"]?.GetValue<string>() is { } text && Guid.TryParse(text, out var parsed) ? parsed : (Guid?)null;
        var now = _time.GetUtcNow();
        CoachingConversation? conversation = null;
        if (resumeId is { } id)
        {
            conversation = await _conversations.FindAsync(id, cancellationToken).ConfigureAwait(false);
        }

        if (conversation is null)
        {
            var from = dc.Activity.From!;
            conversation = new CoachingConversation
            {
                Id = Guid.NewGuid(),
                OwnerUserId = from.Id!,
                OwnerName = from.Name,
                ChatId = dc.Activity.Conversation!.Id!,
                ModelId = _model.Id,
                Status = ConversationStatus.Active,
                StartedAt = now,
                UpdatedAt = now,
            };
        }
        else
        {
            conversation = conversation with { Status = ConversationStatus.Active, UpdatedAt = now };
            dc.Context.SendText(SessionTexts.Resuming(_model, conversation));
        }

        await _conversations.SaveAsync(conversation, cancellationToken).ConfigureAwait(false);
        instance.State[ConversationKey] = conversation.Id.ToString("D");
        instance.State[OwnerIdKey] = conversation.OwnerUserId;
        instance.State[OwnerNameKey] = conversation.OwnerName;
        if (resumeId is null)
        {
            dc.Context.SendText(SessionTexts.Opening(_model));
        }

        var next = NextAsk(conversation);
        return await AskAsync(dc, instance, conversation, next, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<DialogTurnResult> ResumeAsync(DialogContext dc, DialogTurnResult childResult, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        ArgumentNullException.ThrowIfNull(childResult);
        var instance = dc.ActiveDialog!;
        var conversation = await LoadAsync(instance, cancellationToken).ConfigureAwait(false);
        if (conversation is null || childResult.Status == DialogTurnStatus.Cancelled)
        {
            return await dc.CancelDialogAsync(cancellationToken).ConfigureAwait(false);
        }

        var index = instance.State[AskKey]!.GetValue<int>();
        var ask = _asks[index];
        var result = childResult.Result;
        var now = _time.GetUtcNow();
        var turn = dc.Context;
        switch (ask.Kind)
        {
            case AskKind.PresentingNeed:
                conversation = conversation with { PresentingNeed = result!.GetValue<string>() };
                break;
            case AskKind.Time:
                conversation = conversation with { TimeAvailable = result!.GetValue<string>() };
                break;
            case AskKind.Contract when result?.GetValue<bool>() != true:
                await _conversations.SaveAsync(conversation with { Status = ConversationStatus.Draft, UpdatedAt = now }, cancellationToken).ConfigureAwait(false);
                turn.SendText(SessionTexts.NotNow(_model));
                return await dc.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
            case AskKind.Contract:
                conversation = conversation with { Answers = With(conversation.Answers, SessionTexts.ContractAgreedKey, "yes") };
                break;
            case AskKind.Stage when ask.Stage!.Captures == CaptureKind.Text:
                conversation = conversation with { Answers = With(conversation.Answers, ask.Stage.Id, result!.GetValue<string>()) };
                break;
            case AskKind.Stage when ask.Stage!.Captures == CaptureKind.Goal:
                var goal = result.Deserialize<GoalDraft>(BotJson.Options)!;
                conversation = conversation with { Goal = goal };
                ReplaceCard(turn, GoalCard.Saved(goal));
                break;
            case AskKind.Stage when ask.Stage!.Captures == CaptureKind.Options:
                var listed = result.Deserialize<List<string>>(BotJson.Options)!;
                conversation = conversation with { Options = [.. listed.Select(text => new OptionItem(text))] };
                ReplaceCard(turn, OptionsCard.SavedList(listed));
                break;
            case AskKind.Weigh:
                var weighed = result.Deserialize<List<OptionItem>>(BotJson.Options)!;
                conversation = conversation with { Options = weighed };
                ReplaceCard(turn, OptionsCard.Saved(weighed));
                break;
            case AskKind.Actions:
            case AskKind.Stage when ask.Stage!.Captures == CaptureKind.Actions:
                var drafts = result.Deserialize<List<ActionDraft>>(BotJson.Options)!;
                await _actions.SaveAsync(drafts.Select((draft, i) => ToItem(conversation, i, draft, now)), cancellationToken).ConfigureAwait(false);
                conversation = conversation with { Answers = With(conversation.Answers, SessionTexts.ActionsAgreedKey, drafts.Count.ToString(CultureInfo.InvariantCulture)) };
                ReplaceCard(turn, ActionsCard.Saved(drafts));
                break;
            case AskKind.ContractCheck:
                conversation = conversation with { ContractCheck = result!.GetValue<string>() };
                break;
            case AskKind.FollowUp:
                conversation = conversation with { FollowUpOn = DateOnly.ParseExact(result!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture) };
                break;
            case AskKind.First:
                var ratings = result.Deserialize<FirstRatings>(BotJson.Options)!;
                conversation = conversation with { FirstRatings = ratings.Ratings, FirstComment = ratings.Comment };
                ReplaceCard(turn, FirstCard.Saved(ratings));
                break;
        }

        conversation = conversation with { UpdatedAt = now };
        var next = NextAsk(conversation);
        if (next >= _asks.Count)
        {
            conversation = conversation with { Status = ConversationStatus.Completed, CompletedAt = now };
            await _conversations.SaveAsync(conversation, cancellationToken).ConfigureAwait(false);
            var actions = await _actions.ListForConversationAsync(conversation.Id, cancellationToken).ConfigureAwait(false);
            turn.SendText(SessionTexts.Closing);
            turn.Send(MessageFactory.Attachment(SummaryCard.Build(_model, conversation, actions).ToAttachment()));
            return await dc.EndDialogAsync(new JsonObject { [ConversationKey] = conversation.Id.ToString("D") }, cancellationToken).ConfigureAwait(false);
        }

        await _conversations.SaveAsync(conversation, cancellationToken).ConfigureAwait(false);
        return await AskAsync(dc, instance, conversation, next, cancellationToken).ConfigureAwait(false);
    }

    public override async Task EndAsync(DialogContext dc, DialogInstance instance, DialogEndReason reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (reason != DialogEndReason.Cancelled || await LoadAsync(instance, cancellationToken).ConfigureAwait(false) is not { Status: ConversationStatus.Active } conversation)
        {
            return;
        }

        // Cancelled mid-way: keep everything answered so far as a draft the client can come back to.
        await _conversations.SaveAsync(conversation with { Status = ConversationStatus.Draft, UpdatedAt = _time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
    }

    public override bool IsValidState(JsonObject state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state[ConversationKey] is JsonValue id && Guid.TryParse(id.GetValue<string>(), out _)
            && state[AskKey] is JsonValue ask && ask.TryGetValue<int>(out var index) && index >= 0 && index < _asks.Count;
    }

    private static List<Ask> PlanAsks(CoachingModel model)
    {
        var asks = new List<Ask> { new(AskKind.PresentingNeed), new(AskKind.Time), new(AskKind.Contract) };
        foreach (var stage in model.Stages)
        {
            asks.Add(new Ask(AskKind.Stage, stage));
            if (stage.Captures == CaptureKind.Options)
            {
                asks.Add(new Ask(AskKind.Weigh, stage));
            }
        }

        if (model.StageCapturing(CaptureKind.Actions) is null)
        {
            asks.Add(new Ask(AskKind.Actions));
        }

        asks.AddRange([new Ask(AskKind.ContractCheck), new Ask(AskKind.FollowUp), new Ask(AskKind.First)]);
        return asks;
    }

    private int NextAsk(CoachingConversation conversation)
    {
        for (var index = 0; index < _asks.Count; index++)
        {
            var ask = _asks[index];
            var answered = ask.Kind switch
            {
                AskKind.PresentingNeed => conversation.PresentingNeed is not null,
                AskKind.Time => conversation.TimeAvailable is not null,
                AskKind.Contract => conversation.Answers.ContainsKey(SessionTexts.ContractAgreedKey),
                AskKind.Stage => ask.Stage!.Captures switch
                {
                    CaptureKind.Text => conversation.Answers.ContainsKey(ask.Stage.Id),
                    CaptureKind.Goal => conversation.Goal is not null,
                    CaptureKind.Options => conversation.Options.Count > 0,
                    _ => conversation.Answers.ContainsKey(SessionTexts.ActionsAgreedKey),
                },
                AskKind.Weigh => conversation.Options.Any(option => option.Impact is not null),
                AskKind.Actions => conversation.Answers.ContainsKey(SessionTexts.ActionsAgreedKey),
                AskKind.ContractCheck => conversation.ContractCheck is not null,
                AskKind.FollowUp => conversation.FollowUpOn is not null,
                _ => conversation.FirstRatings.Count > 0,
            };
            if (!answered)
            {
                return index;
            }
        }

        return _asks.Count;
    }

    private async Task<DialogTurnResult> AskAsync(DialogContext dc, DialogInstance instance, CoachingConversation conversation, int index, CancellationToken cancellationToken)
    {
        instance.State[AskKey] = index;
        var ask = _asks[index];
        var forWhom = dc.Activity.IsPersonalChat() ? string.Empty : SessionTexts.ForWhom(conversation.OwnerName);
        PromptOptions options = ask.Kind switch
        {
            AskKind.PresentingNeed => Text(forWhom + ConversationFrame.PresentingNeedQuestion, MaxTextAnswerLength),
            AskKind.Time => new ChoicePromptOptions
            {
                Prompt = MessageFactory.Text(forWhom + ConversationFrame.TimeQuestion),
                Choices = [.. ConversationFrame.TimeChoices.Select(choice => new PromptChoice(choice))],
            },
            AskKind.Contract => new PromptOptions { Prompt = MessageFactory.Text(ConversationFrame.Contract + "\n\n" + forWhom + ConversationFrame.ContractQuestion) },
            AskKind.Stage when ask.Stage!.Captures == CaptureKind.Text => Text(forWhom + SessionTexts.StageQuestion(ask.Stage), MaxTextAnswerLength),
            AskKind.Stage => new CardFormPromptOptions { Prompt = MessageFactory.Text(forWhom + SessionTexts.StageQuestion(ask.Stage!)) },
            AskKind.Weigh => new CardFormPromptOptions
            {
                Prompt = MessageFactory.Text(forWhom + SessionTexts.WeighQuestion),
                Values = OptionsCard.AsValues([.. conversation.Options.Select(option => option.Text)]),
            },
            AskKind.Actions => new CardFormPromptOptions { Prompt = MessageFactory.Text(forWhom + ConversationFrame.ActionsIntroduction) },
            AskKind.ContractCheck => new ChoicePromptOptions
            {
                Prompt = MessageFactory.Text(forWhom + ConversationFrame.ContractCheckQuestion + (conversation.PresentingNeed is { } need ? $"\n\nYou said you wanted: *{need}*" : string.Empty)),
                Choices = [.. ConversationFrame.ContractCheckChoices.Select(choice => new PromptChoice(choice))],
            },
            AskKind.FollowUp => new DatePromptOptions
            {
                Prompt = MessageFactory.Text(forWhom + ConversationFrame.FollowUpQuestionFor(UserClock.Today(dc.Activity, _time))),
                NotBeforeToday = true,
            },
            _ => new CardFormPromptOptions { Prompt = MessageFactory.Text(forWhom + SessionTexts.FirstQuestion) },
        };

        return await dc.PromptAsync(PromptFor(ask), options, cancellationToken).ConfigureAwait(false);
    }

    private static string PromptFor(Ask ask) => ask.Kind switch
    {
        AskKind.PresentingNeed => SessionPrompts.Text,
        AskKind.Time or AskKind.ContractCheck => SessionPrompts.Choice,
        AskKind.Contract => SessionPrompts.Confirm,
        AskKind.Stage => ask.Stage!.Captures switch
        {
            CaptureKind.Text => SessionPrompts.Text,
            CaptureKind.Goal => SessionPrompts.Goal,
            CaptureKind.Options => SessionPrompts.Options,
            _ => SessionPrompts.Actions,
        },
        AskKind.Weigh => SessionPrompts.Weigh,
        AskKind.Actions => SessionPrompts.Actions,
        AskKind.FollowUp => SessionPrompts.Date,
        _ => SessionPrompts.First,
    };

    private static TextPromptOptions Text(string text, int maxLength) => new() { Prompt = MessageFactory.Text(text), MaxLength = maxLength };

    private async Task<CoachingConversation?> LoadAsync(DialogInstance instance, CancellationToken cancellationToken) =>
        instance.State[ConversationKey]?.GetValue<string>() is { } text && Guid.TryParse(text, out var id)
            ? await _conversations.FindAsync(id, cancellationToken).ConfigureAwait(false)
            : null;

    private static void ReplaceCard(TurnContext turn, AdaptiveCard saved)
    {
        // Replace the form with what was saved, so the same card cannot be sent twice.
        if (turn.Activity.ReplyToId is { Length: > 0 } cardActivityId)
        {
            turn.Update(cardActivityId, MessageFactory.Attachment(saved.ToAttachment()));
        }
    }

    private static ActionItem ToItem(CoachingConversation conversation, int index, ActionDraft draft, DateTimeOffset now) => new()
    {
        Id = ActionId(conversation.Id, index),
        ConversationId = conversation.Id,
        OwnerUserId = conversation.OwnerUserId,
        What = draft.What,
        ByWhen = draft.ByWhen,
        Support = draft.Support,
        Confidence = draft.Confidence,
        Status = ActionStatus.Open,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>
    /// The id of the conversation's <paramref name="index"/>th action, the same every time: a turn run again after
    /// losing a state race saves the same actions again, not copies of them.
    /// </summary>
    internal static Guid ActionId(Guid conversationId, int index)
    {
        Span<byte> bytes = stackalloc byte[16];
        conversationId.TryWriteBytes(bytes);
        bytes[15] ^= (byte)(index + 1);
        return new Guid(bytes);
    }

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> answers, string key, string value) =>
        new(answers, StringComparer.Ordinal) { [key] = value };

    private enum AskKind
    {
        PresentingNeed,
        Time,
        Contract,
        Stage,
        Weigh,
        Actions,
        ContractCheck,
        FollowUp,
        First,
    }

    private sealed record Ask(AskKind Kind, Stage? Stage = null);
}
