using System.Globalization;
using System.Text;
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
    private const string MoreKey = "more";
    private const string HistoryKey = "answered";
    private const string AskIndexKey = "ask";
    private const string ShownKey = "answer";
    private const string JoinableKey = "joinable";
    private const string KeepsKey = "keeps";
    private const string AnsweredAtKey = "at";
    private const string UndoKey = "undo";

    /// <summary>How many answers <c>back</c> can undo, one at a time; enough for a stage or two, small enough to store every turn.</summary>
    private const int HistoryLength = 12;

    /// <summary>How soon after a typed answer another message is the rest of it (see <see cref="JoinsPreviousAnswer"/>).</summary>
    public static readonly TimeSpan JoinWindow = TimeSpan.FromSeconds(15);

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
                Id = NewConversationId(dc.Activity),
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
        return await AskAsync(dc, instance, conversation, next, null, cancellationToken).ConfigureAwait(false);
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
        return await AnswerAsync(dc, instance, conversation, index, childResult.Result, said: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Takes <paramref name="result"/> as the answer to ask <paramref name="index"/>, remembers how to undo it (for
    /// <c>back</c> and for a second message joined to it), and asks what comes next. <paramref name="said"/> comes first
    /// in the next message.
    /// </summary>
    private async Task<DialogTurnResult> AnswerAsync(DialogContext dc, DialogInstance instance, CoachingConversation conversation, int index, JsonNode? result, string? said, CancellationToken cancellationToken)
    {
        var ask = _asks[index];
        var before = conversation;
        var moreBefore = MoreShown(instance);
        var now = _time.GetUtcNow();
        var turn = dc.Context;
        string? lead = null;
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
                var answer = result!.GetValue<string>();
                var stage = ask.Stage;
                var shown = MoreShown(instance);
                if (FollowUps.IsMore(answer) && shown + 1 < stage.Questions.Count)
                {
                    // "more": the stage's next question, asked on its own; the answer to it is the stage's answer.
                    instance.State[MoreKey] = shown + 1;
                    return await AskAsync(dc, instance, conversation, index, null, cancellationToken).ConfigureAwait(false);
                }

                if (FollowUps.IsNotSure(answer) && !conversation.Answers.ContainsKey(AnswerKeys.Gentle(stage)))
                {
                    // Stuck: one gentler way in before moving on.
                    conversation = conversation with { Answers = With(conversation.Answers, AnswerKeys.Gentle(stage), stage.Gentler) };
                    await _conversations.SaveAsync(conversation with { UpdatedAt = now }, cancellationToken).ConfigureAwait(false);
                    return await AskAsync(dc, instance, conversation, index, SessionTexts.GentlerLead, cancellationToken).ConfigureAwait(false);
                }

                conversation = conversation with { Answers = With(conversation.Answers, stage.Id, answer) };
                if (shown > 0)
                {
                    // The client already went deeper by asking for more: no further question on this stage.
                    conversation = conversation with { Answers = With(conversation.Answers, AnswerKeys.Deeper(stage), stage.Questions[shown]) };
                }

                if (FollowUps.IsNotSure(answer))
                {
                    lead = SessionTexts.MovingOn;
                }

                break;
            case AskKind.Deeper:
                var deeper = result!.GetValue<string>();
                var answers = With(conversation.Answers, AnswerKeys.Deeper(ask.Stage!), DeeperQuestion(ask.Stage!, instance));
                if (!FollowUps.IsNotSure(deeper) && !FollowUps.IsMore(deeper))
                {
                    answers[ask.Stage!.Id] = conversation.Answers.GetValueOrDefault(ask.Stage!.Id) + "\n\n" + deeper;
                }

                conversation = conversation with { Answers = answers };
                break;
            case AskKind.Stage when ask.Stage!.Captures == CaptureKind.Goal:
                var goal = result.Deserialize<GoalDraft>(BotJson.Options)!;
                conversation = conversation with { Goal = goal };
                ReplaceCard(turn, GoalCard.Saved(goal));
                break;
            case AskKind.Stage when ask.Stage!.Captures == CaptureKind.Options:
                var listed = result.Deserialize<List<string>>(BotJson.Options)!;

                // A single option needs no weighing or choosing: it is the one taken forward.
                conversation = conversation with { Options = [.. listed.Select(text => new OptionItem(text, Chosen: listed.Count == 1))] };
                ReplaceCard(turn, OptionsCard.SavedList(listed));
                break;
            case AskKind.Shortlist:
                var shortlisted = result.Deserialize<List<string>>(BotJson.Options)!;
                conversation = conversation with
                {
                    Answers = With(conversation.Answers, AnswerKeys.Shortlist(ask.Stage!), string.Join('\n', shortlisted)),
                    Options = [.. conversation.Options.Select(option => option with { Chosen = shortlisted.Count == 1 && option.Text == shortlisted[0] })],
                };
                ReplaceCard(turn, OptionsCard.SavedList(shortlisted));
                break;
            case AskKind.Weigh:
                // Only the shortlist was weighed; the other options stay listed, unweighed and not chosen.
                var weighed = result.Deserialize<List<OptionItem>>(BotJson.Options)!;
                conversation = conversation with
                {
                    Options = [.. conversation.Options.Select(option => weighed.FirstOrDefault(item => item.Text == option.Text) ?? option with { Chosen = false })],
                };
                ReplaceCard(turn, OptionsCard.Saved(weighed));
                break;
            case AskKind.Choose:
                var choice = result!.GetValue<string>();
                conversation = conversation with { Options = [.. conversation.Options.Select(option => option with { Chosen = option.Text == choice })] };
                break;
            case AskKind.Actions:
            case AskKind.Stage when ask.Stage!.Captures == CaptureKind.Actions:
                var drafts = result.Deserialize<List<ActionDraft>>(BotJson.Options)!;
                await _actions.SaveAsync(drafts.Select((draft, i) => ToItem(conversation, i, draft, now)), cancellationToken).ConfigureAwait(false);
                conversation = conversation with { Answers = With(conversation.Answers, SessionTexts.ActionsAgreedKey, drafts.Count.ToString(CultureInfo.InvariantCulture)) };
                conversation = FollowUpRules.AfterActions(conversation, drafts);
                ReplaceCard(turn, ActionsCard.Saved(drafts));
                break;
            case AskKind.FollowUp:
                var followUp = result!.GetValue<string>();
                conversation = FollowUpRules.Answered(conversation, ask.Rule!, followUp);
                lead = FollowUps.IsNotSure(followUp) || SessionTexts.IsDecline(followUp) ? null : $"{Reflections.SaidLead} {Reflections.Quote(followUp)}";
                break;
            case AskKind.OfferedAction:
                var confidence = (int)result!.GetValue<long>();
                var existing = await _actions.ListForConversationAsync(conversation.Id, cancellationToken).ConfigureAwait(false);
                var offered = new ActionDraft(
                    conversation.Answers[AnswerKeys.Offer(ask.Rule!)],
                    conversation.FollowUpOn ?? UserClock.Today(dc.Activity, _time).AddDays(14),
                    null,
                    confidence);
                await _actions.SaveAsync([ToItem(conversation, existing.Count, offered, now)], cancellationToken).ConfigureAwait(false);
                conversation = conversation with { Answers = With(conversation.Answers, AnswerKeys.Offered(ask.Rule!), confidence.ToString(CultureInfo.InvariantCulture)) };
                lead = SessionTexts.ActionAdded(offered);
                break;
            case AskKind.ContractCheck:
                conversation = FollowUpRules.AfterContractCheck(conversation with { ContractCheck = result!.GetValue<string>() });
                break;
            case AskKind.FollowUpDate:
                conversation = conversation with { FollowUpOn = DateOnly.ParseExact(result!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture) };
                break;
            case AskKind.First:
                var ratings = result.Deserialize<FirstRatings>(BotJson.Options)!;
                conversation = FollowUpRules.AfterFirst(conversation with { FirstRatings = ratings.Ratings, FirstComment = ratings.Comment });
                ReplaceCard(turn, FirstCard.Saved(ratings));
                break;
        }

        conversation = conversation with { UpdatedAt = now };
        Remember(instance, dc.Activity, index, moreBefore, result, before, conversation);
        var next = NextAsk(conversation);
        lead = await ReflectAsync(ask, next, conversation, lead, cancellationToken).ConfigureAwait(false);
        lead = said is null ? lead : lead is null ? said : said + "\n\n" + lead;
        if (next >= _asks.Count)
        {
            conversation = conversation with { Status = ConversationStatus.Completed, CompletedAt = now };
            await _conversations.SaveAsync(conversation, cancellationToken).ConfigureAwait(false);
            var actions = await _actions.ListForConversationAsync(conversation.Id, cancellationToken).ConfigureAwait(false);
            turn.SendText(lead is null ? SessionTexts.Closing : lead + "\n\n" + SessionTexts.Closing);
            turn.Send(MessageFactory.Attachment(SummaryCard.Build(_model, conversation, actions).ToAttachment()));
            return await dc.EndDialogAsync(new JsonObject { [ConversationKey] = conversation.Id.ToString("D") }, cancellationToken).ConfigureAwait(false);
        }

        await _conversations.SaveAsync(conversation, cancellationToken).ConfigureAwait(false);
        return await AskAsync(dc, instance, conversation, next, lead, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// What to say back before the next question: at the end of a stage, the client's words from it and the "so far"
    /// line; after the ending's actions, the actions. Said in the same message as the next question, so a reflection
    /// never arrives on its own.
    /// </summary>
    private async Task<string?> ReflectAsync(Ask answered, int next, CoachingConversation conversation, string? lead, CancellationToken cancellationToken)
    {
        var nextStage = next < _asks.Count ? _asks[next].Stage : null;
        var endsStage = answered.Stage is not null && !ReferenceEquals(nextStage, answered.Stage);
        var endsActions = answered.Kind == AskKind.Actions || (endsStage && answered.Stage!.Captures == CaptureKind.Actions);
        if (!endsStage && !endsActions)
        {
            return lead;
        }

        var actions = endsActions
            ? await _actions.ListForConversationAsync(conversation.Id, cancellationToken).ConfigureAwait(false)
            : [];
        var parts = new List<string?>
        {
            lead ?? (endsStage ? Reflections.AfterStage(answered.Stage!, conversation, actions) : Reflections.Actions(actions)),
        };
        if (endsStage)
        {
            parts.Add(Reflections.SoFar(_model, conversation));
        }

        var said = string.Join("\n\n", parts.Where(part => !string.IsNullOrWhiteSpace(part)));
        return said.Length == 0 ? null : said;
    }

    /// <summary>
    /// <c>back</c>: undoes the last answer and asks its question again, showing the answer given. Not past the actions
    /// (they are in the action store, which has no undo): the client is told to change them with <c>actions</c>.
    /// </summary>
    public override async Task<DialogTurnResult?> StepBackAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var instance = dc.ActiveDialog!;
        var history = AnswerHistory(instance.State);
        if (history.Count == 0 || await LoadAsync(instance, cancellationToken).ConfigureAwait(false) is not { } conversation)
        {
            return null;
        }

        var entry = history[^1]!.AsObject();
        if (entry[KeepsKey]?.GetValue<bool>() == true)
        {
            return await AskAsync(dc, instance, conversation, instance.State[AskKey]!.GetValue<int>(), SessionTexts.BackStopsAtActions, cancellationToken).ConfigureAwait(false);
        }

        history.RemoveAt(history.Count - 1);
        var index = Undo(instance, entry);
        conversation = Restore(conversation, entry[UndoKey]!.AsObject()) with { UpdatedAt = _time.GetUtcNow() };
        await _conversations.SaveAsync(conversation, cancellationToken).ConfigureAwait(false);
        var lead = entry[ShownKey]?.GetValue<string>() is { } shown
            ? TextFormat.Format(SessionTexts.BackPreviousAnswer, shown)
            : SessionTexts.BackToCard;
        return await AskAsync(dc, instance, conversation, index, lead, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A text message within <see cref="JoinWindow"/> of a typed answer is the rest of it: people send a thought in two
    /// messages a few seconds apart, faster than they could read the next question and answer it.
    /// </summary>
    public override bool JoinsPreviousAnswer(DialogInstance instance, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return AnswerHistory(instance.State) is { Count: > 0 } history
            && history[^1] is JsonObject entry
            && entry[JoinableKey]?.GetValue<bool>() == true
            && entry[AnsweredAtKey] is JsonValue answeredAt && answeredAt.TryGetValue<DateTimeOffset>(out var answered)
            && at >= answered && at - answered <= JoinWindow;
    }

    /// <summary>The last answer taken back and given again with <paramref name="text"/> after it, as if sent in one message.</summary>
    public override async Task<DialogTurnResult> JoinPreviousAnswerAsync(DialogContext dc, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var instance = dc.ActiveDialog!;
        var history = AnswerHistory(instance.State);
        if (history.Count == 0 || await LoadAsync(instance, cancellationToken).ConfigureAwait(false) is not { } conversation)
        {
            return await dc.CancelDialogAsync(cancellationToken).ConfigureAwait(false);
        }

        // A button clicked straight after a typed answer arrives as text too: it answers the question it belongs to.
        var current = instance.State[AskKey]!.GetValue<int>();
        if (ButtonAnswer(_asks[current], text) is { } clicked)
        {
            return await AnswerAsync(dc, instance, conversation, current, clicked, said: null, cancellationToken).ConfigureAwait(false);
        }

        var entry = history[^1]!.AsObject();
        history.RemoveAt(history.Count - 1);
        var index = Undo(instance, entry);
        conversation = Restore(conversation, entry[UndoKey]!.AsObject());
        var joined = entry[ShownKey]!.GetValue<string>() + "\n\n" + text;
        return await AnswerAsync(dc, instance, conversation, index, JsonValue.Create(joined), SessionTexts.AddedToAnswer, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <paramref name="text"/> as the answer to a question asked with buttons that follows a typed one (how much time
    /// there is, the contract check, a confidence), when it is one of the buttons (or its number); otherwise null.
    /// </summary>
    private static JsonValue? ButtonAnswer(Ask ask, string text)
    {
        var word = text.Trim().TrimEnd('.', '!');
        IReadOnlyList<string> labels = ask.Kind switch
        {
            AskKind.Time => ConversationFrame.TimeChoices,
            AskKind.ContractCheck => ConversationFrame.ContractCheckChoices,
            _ => [],
        };
        if (labels.FirstOrDefault(label => string.Equals(label, word, StringComparison.OrdinalIgnoreCase)) is { } label)
        {
            return JsonValue.Create(label);
        }

        var isNumber = int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var number);
        return isNumber && number >= 1 && number <= labels.Count ? JsonValue.Create(labels[number - 1])
            : isNumber && ask.Kind == AskKind.OfferedAction && number is >= 1 and <= 10 ? JsonValue.Create((long)number)
            : null;
    }

    /// <summary>
    /// Keeps, for the answer just taken, what <c>back</c> and a joined message need: the ask, the answer as the client
    /// gave it, when, and the fields it changed as they were before (not the whole conversation, so a few long answers
    /// do not make every turn's state large).
    /// </summary>
    private void Remember(DialogInstance instance, Activity activity, int index, int more, JsonNode? result, CoachingConversation before, CoachingConversation after)
    {
        var kind = _asks[index].Kind;
        var typed = kind is AskKind.PresentingNeed or AskKind.Deeper or AskKind.FollowUp
            || (kind == AskKind.Stage && _asks[index].Stage!.Captures == CaptureKind.Text);
        var keeps = kind is AskKind.Actions or AskKind.OfferedAction || (kind == AskKind.Stage && _asks[index].Stage!.Captures == CaptureKind.Actions);
        var shown = result switch
        {
            JsonValue value when value.TryGetValue<string>(out var answer) && kind == AskKind.FollowUpDate
                && DateOnly.TryParseExact(answer, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => CardParts.LongDate(date),
            JsonValue value when value.TryGetValue<string>(out var answer) => answer,
            JsonValue value when value.TryGetValue<bool>(out _) && TurnText.Normalize(activity) is { Length: > 0 } text => text,
            _ => null,
        };
        var history = AnswerHistory(instance.State);
        history.Add(new JsonObject
        {
            [AskIndexKey] = index,
            [MoreKey] = more,
            [ShownKey] = shown,
            [JoinableKey] = typed && shown is not null,
            [KeepsKey] = keeps,
            [AnsweredAtKey] = activity.Timestamp,
            [UndoKey] = Changes(before, after),
        });
        while (history.Count > HistoryLength)
        {
            history.RemoveAt(0);
        }
    }

    /// <summary>Puts the dialog back at the entry's ask, as it stood when the ask was answered.</summary>
    private static int Undo(DialogInstance instance, JsonObject entry)
    {
        var index = entry[AskIndexKey]!.GetValue<int>();
        instance.State[AskKey] = index;
        instance.State[MoreKey] = entry[MoreKey]?.GetValue<int>() ?? 0;
        return index;
    }

    /// <summary>The fields (and answers, by key) that differ between the two, with their values in <paramref name="before"/>; null for an answer that was not there.</summary>
    private static JsonObject Changes(CoachingConversation before, CoachingConversation after)
    {
        var was = JsonSerializer.SerializeToNode(before)!.AsObject();
        var now = JsonSerializer.SerializeToNode(after)!.AsObject();
        var changes = new JsonObject();
        foreach (var (name, value) in was)
        {
            if (name is nameof(CoachingConversation.UpdatedAt) or nameof(CoachingConversation.Status) or nameof(CoachingConversation.CompletedAt))
            {
                continue;
            }

            if (name == nameof(CoachingConversation.Answers))
            {
                var answersBefore = value!.AsObject();
                var answersAfter = now[name]!.AsObject();
                var changed = new JsonObject();
                foreach (var key in answersBefore.Select(pair => pair.Key).Union(answersAfter.Select(pair => pair.Key)))
                {
                    if (!JsonNode.DeepEquals(answersBefore[key], answersAfter[key]))
                    {
                        changed[key] = answersBefore[key]?.DeepClone();
                    }
                }

                changes[name] = changed;
            }
            else if (!JsonNode.DeepEquals(value, now[name]))
            {
                changes[name] = value?.DeepClone();
            }
        }

        return changes;
    }

    private static CoachingConversation Restore(CoachingConversation conversation, JsonObject changes)
    {
        var node = JsonSerializer.SerializeToNode(conversation)!.AsObject();
        foreach (var (name, value) in changes)
        {
            if (name == nameof(CoachingConversation.Answers))
            {
                var answers = node[name]!.AsObject();
                foreach (var (key, answer) in value!.AsObject())
                {
                    if (answer is null)
                    {
                        answers.Remove(key);
                    }
                    else
                    {
                        answers[key] = answer.DeepClone();
                    }
                }
            }
            else
            {
                node[name] = value?.DeepClone();
            }
        }

        return node.Deserialize<CoachingConversation>()!;
    }

    private static JsonArray AnswerHistory(JsonObject state)
    {
        if (state[HistoryKey] is JsonArray history)
        {
            return history;
        }

        history = [];
        state[HistoryKey] = history;
        return history;
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
            switch (stage.Captures)
            {
                case CaptureKind.Text:
                    asks.Add(new Ask(AskKind.Deeper, stage));
                    break;
                case CaptureKind.Options:
                    asks.Add(new Ask(AskKind.Shortlist, stage));
                    asks.Add(new Ask(AskKind.Weigh, stage));
                    asks.Add(new Ask(AskKind.Choose, stage));
                    break;
                case CaptureKind.Actions:
                    AddFollowUps(asks, ConversationFrame.ActionsStep);
                    break;
            }
        }

        if (model.StageCapturing(CaptureKind.Actions) is null)
        {
            asks.Add(new Ask(AskKind.Actions));
            AddFollowUps(asks, ConversationFrame.ActionsStep);
        }

        asks.Add(new Ask(AskKind.ContractCheck));
        AddFollowUps(asks, ConversationFrame.ContractCheckStep);
        asks.Add(new Ask(AskKind.FollowUpDate));
        asks.Add(new Ask(AskKind.First));
        foreach (var factor in FirstModel.Factors)
        {
            AddFollowUps(asks, FollowUps.FirstStepPrefix + factor.Id);
        }

        return asks;
    }

    private static void AddFollowUps(List<Ask> asks, string step)
    {
        foreach (var rule in FollowUps.Rules.Where(rule => rule.Step == step))
        {
            asks.Add(new Ask(AskKind.FollowUp, Rule: rule));
            if (rule.OffersAction)
            {
                asks.Add(new Ask(AskKind.OfferedAction, Rule: rule));
            }
        }
    }

    private int NextAsk(CoachingConversation conversation)
    {
        var isShort = ConversationFrame.IsShort(conversation.TimeAvailable);
        var answers = conversation.Answers;
        for (var index = 0; index < _asks.Count; index++)
        {
            var ask = _asks[index];
            var answered = ask.Kind switch
            {
                AskKind.PresentingNeed => conversation.PresentingNeed is not null,
                AskKind.Time => conversation.TimeAvailable is not null,
                AskKind.Contract => answers.ContainsKey(SessionTexts.ContractAgreedKey),
                AskKind.Stage => ask.Stage!.Captures switch
                {
                    CaptureKind.Text => answers.ContainsKey(ask.Stage.Id),
                    CaptureKind.Goal => conversation.Goal is not null,
                    CaptureKind.Options => conversation.Options.Count > 0,
                    _ => answers.ContainsKey(SessionTexts.ActionsAgreedKey),
                },

                // One deeper question when the answer was short, on the whole path only, and never after "I don't know".
                AskKind.Deeper => isShort
                    || ask.Stage!.Questions.Count < 2
                    || answers.ContainsKey(AnswerKeys.Deeper(ask.Stage))
                    || answers.ContainsKey(AnswerKeys.Gentle(ask.Stage))
                    || !FollowUps.IsShort(answers.GetValueOrDefault(ask.Stage.Id, string.Empty)),
                AskKind.Shortlist => isShort
                    || conversation.Options.Count <= OptionsCard.MaxWeighed
                    || answers.ContainsKey(AnswerKeys.Shortlist(ask.Stage!))
                    || conversation.Options.Any(option => option.Chosen),
                AskKind.Weigh => isShort || conversation.Options.Any(option => option.Chosen),
                AskKind.Choose => conversation.Options.Any(option => option.Chosen),
                AskKind.Actions => answers.ContainsKey(SessionTexts.ActionsAgreedKey),
                AskKind.FollowUp => !answers.ContainsKey(AnswerKeys.Due(ask.Rule!)) || answers.ContainsKey(AnswerKeys.FollowUp(ask.Rule!)),
                AskKind.OfferedAction => !answers.ContainsKey(AnswerKeys.Offer(ask.Rule!)) || answers.ContainsKey(AnswerKeys.Offered(ask.Rule!)),
                AskKind.ContractCheck => conversation.ContractCheck is not null,
                AskKind.FollowUpDate => conversation.FollowUpOn is not null,
                _ => isShort || conversation.FirstRatings.Count > 0,
            };
            if (!answered)
            {
                return index;
            }
        }

        return _asks.Count;
    }

    private async Task<DialogTurnResult> AskAsync(DialogContext dc, DialogInstance instance, CoachingConversation conversation, int index, string? lead, CancellationToken cancellationToken)
    {
        if (instance.State[AskKey] is not JsonValue previous || !previous.TryGetValue<int>(out var was) || !ReferenceEquals(_asks[was].Stage, _asks[index].Stage))
        {
            instance.State[MoreKey] = 0;
        }

        instance.State[AskKey] = index;
        var ask = _asks[index];
        var forWhom = dc.Activity.IsPersonalChat() ? string.Empty : SessionTexts.ForWhom(conversation.OwnerName);
        var isShort = ConversationFrame.IsShort(conversation.TimeAvailable);
        var question = ask.Kind switch
        {
            AskKind.PresentingNeed => ConversationFrame.PresentingNeedQuestion,
            AskKind.Time => ConversationFrame.TimeQuestion,
            AskKind.Contract => (isShort ? ConversationFrame.ShortContract + " " : string.Empty) + ConversationFrame.Contract + "\n\n" + ConversationFrame.ContractQuestion,
            AskKind.Stage when ask.Stage!.Captures == CaptureKind.Text => conversation.Answers.TryGetValue(AnswerKeys.Gentle(ask.Stage), out var gentler)
                ? gentler
                : SessionTexts.StageQuestion(ask.Stage, MoreShown(instance)),
            AskKind.Stage => SessionTexts.StageQuestion(ask.Stage!, 0),
            AskKind.Deeper => DeeperQuestion(ask.Stage!, instance),
            AskKind.Shortlist => SessionTexts.ShortlistQuestion,
            AskKind.Weigh => SessionTexts.WeighQuestion,
            AskKind.Choose => SessionTexts.ChooseQuestion,
            AskKind.Actions => ConversationFrame.ActionsIntroduction,
            AskKind.FollowUp => conversation.Answers[AnswerKeys.Due(ask.Rule!)],
            AskKind.OfferedAction => SessionTexts.OfferedActionConfidence,
            AskKind.ContractCheck => ConversationFrame.ContractCheckQuestionFor(conversation.PresentingNeed),
            AskKind.FollowUpDate => ConversationFrame.FollowUpQuestionFor(UserClock.Today(dc.Activity, _time), UserLocale.CultureOf(dc.Activity)),
            _ => SessionTexts.FirstQuestion,
        };
        // In a group chat, whose turn it is comes first, before anything said back.
        var prompt = MessageFactory.Text(forWhom + string.Join("\n\n", new[] { lead, question }.Where(part => !string.IsNullOrEmpty(part))));
        PromptOptions asked = ask.Kind switch
        {
            AskKind.PresentingNeed => new TextPromptOptions { Prompt = prompt, MaxLength = MaxTextAnswerLength },
            AskKind.Time => new ChoicePromptOptions { Prompt = prompt, Choices = [.. ConversationFrame.TimeChoices.Select(choice => new PromptChoice(choice))] },
            AskKind.Contract => new PromptOptions { Prompt = prompt },
            AskKind.Stage when ask.Stage!.Captures == CaptureKind.Text => new TextPromptOptions { Prompt = prompt, MaxLength = MaxTextAnswerLength },
            AskKind.Deeper or AskKind.FollowUp => new TextPromptOptions { Prompt = prompt, MaxLength = MaxTextAnswerLength },
            AskKind.Stage when ask.Stage!.Captures == CaptureKind.Goal => new CardFormPromptOptions { Prompt = prompt, Values = GoalCard.PathValues(isShort) },
            AskKind.Stage when ask.Stage!.Captures == CaptureKind.Actions => new CardFormPromptOptions { Prompt = prompt, Values = ActionsCard.PathValues(isShort) },
            AskKind.Stage => new CardFormPromptOptions { Prompt = prompt },
            AskKind.Shortlist => new CardFormPromptOptions { Prompt = prompt, Values = OptionsCard.AsValues([.. conversation.Options.Select(option => option.Text)]) },
            AskKind.Weigh => new CardFormPromptOptions { Prompt = prompt, Values = OptionsCard.AsValues(ToWeigh(conversation, ask.Stage!)) },
            AskKind.Choose => new ChoicePromptOptions { Prompt = prompt, Choices = [.. conversation.Options.Select(option => new PromptChoice(option.Text))] },
            AskKind.Actions => new CardFormPromptOptions { Prompt = prompt, Values = ActionsCard.PathValues(isShort) },
            AskKind.OfferedAction => new NumberPromptOptions { Prompt = prompt, Min = 1, Max = 10 },
            AskKind.ContractCheck => new ChoicePromptOptions { Prompt = prompt, Choices = [.. ConversationFrame.ContractCheckChoices.Select(choice => new PromptChoice(choice))] },
            AskKind.FollowUpDate => new DatePromptOptions { Prompt = prompt, NotBeforeToday = true },
            _ => new CardFormPromptOptions { Prompt = prompt },
        };

        // Asked again (an answer not taken, a card filled from typed text), the question comes without the reflection;
        // a card comes back under the reason alone (what was filled in, what to fix), not under its question again.
        var retry = asked is CardFormPromptOptions
            ? forWhom.Length > 0 ? MessageFactory.Text(forWhom.TrimEnd()) : new Activity { Type = ActivityTypes.Message }
            : MessageFactory.Text(forWhom + question);
        var options = asked with { RetryPrompt = retry };
        return await dc.PromptAsync(PromptFor(ask), options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The options to weigh: those shortlisted, or all of them when there were few enough not to ask.</summary>
    private static string[] ToWeigh(CoachingConversation conversation, Stage stage) =>
        conversation.Answers.TryGetValue(AnswerKeys.Shortlist(stage), out var shortlist)
            ? shortlist.Split('\n')
            : [.. conversation.Options.Select(option => option.Text)];

    private static int MoreShown(DialogInstance instance) => instance.State[MoreKey] is JsonValue value && value.TryGetValue<int>(out var shown) ? shown : 0;

    /// <summary>The stage's next question not yet shown: after the leading one, or after those the client asked for with "more".</summary>
    private static string DeeperQuestion(Stage stage, DialogInstance instance) =>
        stage.Questions[Math.Min(MoreShown(instance) + 1, stage.Questions.Count - 1)];

    private static string PromptFor(Ask ask) => ask.Kind switch
    {
        AskKind.PresentingNeed or AskKind.Deeper or AskKind.FollowUp => SessionPrompts.Text,
        AskKind.Time or AskKind.ContractCheck or AskKind.Choose => SessionPrompts.Choice,
        AskKind.Contract => SessionPrompts.Confirm,
        AskKind.Stage => ask.Stage!.Captures switch
        {
            CaptureKind.Text => SessionPrompts.Text,
            CaptureKind.Goal => SessionPrompts.Goal,
            CaptureKind.Options => SessionPrompts.Options,
            _ => SessionPrompts.Actions,
        },
        AskKind.Shortlist => SessionPrompts.Shortlist,
        AskKind.Weigh => SessionPrompts.Weigh,
        AskKind.Actions => SessionPrompts.Actions,
        AskKind.OfferedAction => SessionPrompts.Number,
        AskKind.FollowUpDate => SessionPrompts.Date,
        _ => SessionPrompts.First,
    };

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
    /// The id of a conversation started by <paramref name="activity"/>, the same every time: a turn run again after a
    /// crash saves the conversation it started again, not a second one beside it.
    /// </summary>
    internal static Guid NewConversationId(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{activity.Conversation?.Id}|{activity.Id}"), hash);
        return new Guid(hash[..16]);
    }

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
        Deeper,
        Shortlist,
        Weigh,
        Choose,
        Actions,
        FollowUp,
        OfferedAction,
        ContractCheck,
        FollowUpDate,
        First,
    }

    private sealed record Ask(AskKind Kind, Stage? Stage = null, FollowUpRule? Rule = null);
}
