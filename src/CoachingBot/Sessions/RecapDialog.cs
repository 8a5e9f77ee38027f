using System.Globalization;
using System.Text.Json.Nodes;
using CoachingBot.Teams.Dialogs;

namespace CoachingBot.Sessions;

/// <summary>
/// The opening review of a new conversation, as a coaching session opens by reviewing the last actions: the client's
/// last goal, then each open action in turn ("You planned X by 10 December; how did it go?"), its status saved at once.
/// One question per action, so a quick "done" moves on; at most <see cref="MaxAsked"/>, the rest left for
/// <c>actions</c>. Ends at once, saying nothing, when there is neither a goal nor an open action to review.
/// </summary>
public sealed class RecapDialog : WaterfallDialog
{
    public const string DialogId = "session.recap";

    /// <summary>How many actions the opening asks about; more would crowd out the new conversation.</summary>
    public const int MaxAsked = 3;

    public static string Done => SessionReplies.RecapDone;
    public static string InProgress => SessionReplies.RecapInProgress;
    public static string Dropped => SessionReplies.RecapDropped;
    public static string StillOpen => SessionReplies.RecapStillOpen;

    private const string ActionsKey = "actions";
    private const string IndexKey = "index";
    private const string IdKey = "id";
    private const string WhatKey = "what";
    private const string ByWhenKey = "byWhen";
    private const string StatusKey = "status";

    private readonly ICoachingConversationStore _conversations;
    private readonly IActionStore _actions;

    public RecapDialog(ICoachingConversationStore conversations, IActionStore actions)
        : base(DialogId)
    {
        _conversations = conversations;
        _actions = actions;
        AddStep(AskStepAsync);
        AddStep(SaveStepAsync);
    }

    /// <summary>The buttons, and the words typed for them, which are matched, not read, so they stay here.</summary>
    public static IReadOnlyList<PromptChoice> Choices =>
    [
        new(Done, Synonyms: ["did it", "done it", "all done", "finished", "finished it", "completed", "yes"]),
        new(InProgress, Synonyms: ["in progress", "started", "started it", "partly", "half done", "halfway", "working on it", "getting there", "ongoing"]),
        new(Dropped, Synonyms: ["drop", "dropped it", "not doing it", "gave up", "abandoned"]),
        new(StillOpen, Synonyms: ["open", "not yet", "not started", "not started yet", "haven't started", "no"]),
    ];

    public static string LastGoal(GoalDraft goal)
    {
        ArgumentNullException.ThrowIfNull(goal);
        return TextFormat.Format(SessionReplies.RecapLastGoal, goal.Goal, CardParts.LongDate(goal.TargetDate));
    }

    /// <summary>What the client said of each action, said back before the new conversation begins.</summary>
    public static string Noted(IEnumerable<(string What, string Status)> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var noted = string.Join("; ", answers.Select(answer => TextFormat.Format(SessionReplies.RecapNotedAction, answer.What, answer.Status.ToLower(CultureInfo.CurrentCulture))));
        return TextFormat.Format(SessionReplies.RecapNoted, noted);
    }

    public static string HowDidItGo(string what, DateOnly byWhen) =>
        TextFormat.Format(SessionReplies.RecapHowDidItGo, what, CardParts.LongDate(byWhen));

    public static string AndMore(int more) =>
        more == 1 ? SessionReplies.RecapOneMore : TextFormat.Format(SessionReplies.RecapMore, more);

    private async Task<DialogTurnResult> AskStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var options = step.Options as JsonObject ?? await OpenAsync(step, cancellationToken).ConfigureAwait(false);
        if (options is null)
        {
            return await step.EndDialogAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var asked = options[ActionsKey]!.AsArray();
        var index = options[IndexKey]!.GetValue<int>();
        if (index >= asked.Count)
        {
            var noted = asked
                .Where(action => action![StatusKey] is not null)
                .Select(action => (action![WhatKey]!.GetValue<string>(), action[StatusKey]!.GetValue<string>()))
                .ToList();
            if (noted.Count > 0)
            {
                step.Context.SendText(Noted(noted));
            }

            return await step.EndDialogAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        step.Values[ActionsKey] = asked.DeepClone();
        step.Values[IndexKey] = index;
        var action = asked[index]!;
        var question = HowDidItGo(action[WhatKey]!.GetValue<string>(), DateOnly.Parse(action[ByWhenKey]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        return await step.PromptAsync(SessionPrompts.Choice, new ChoicePromptOptions { Prompt = MessageFactory.Text(question), Choices = Choices }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> SaveStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var asked = step.Values[ActionsKey]!.AsArray();
        var index = step.Values[IndexKey]!.GetValue<int>();
        var choice = step.Result?.GetValue<string>();
        if (Status(choice) is { } status
            && Guid.TryParse(asked[index]![IdKey]!.GetValue<string>(), out var id))
        {
            asked[index]![StatusKey] = choice;

            // The owner is the sender of this turn, never anything stored in the dialog, so no one else's action can change.
            await _actions.SetStatusAsync(id, step.Context.Activity.From!.Id!, status, cancellationToken).ConfigureAwait(false);
        }

        var next = new JsonObject { [ActionsKey] = asked.DeepClone(), [IndexKey] = index + 1 };
        return await step.DialogContext.ReplaceDialogAsync(DialogId, next, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The first turn: says what the last goal was and picks the actions to ask about; null when there is nothing to review.</summary>
    private async Task<JsonObject?> OpenAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var owner = step.Context.Activity.From!.Id!;
        var open = await _actions.ListOpenAsync(owner, cancellationToken).ConfigureAwait(false);
        var past = await _conversations.ListAsync(owner, cancellationToken).ConfigureAwait(false);
        var lastGoal = past.FirstOrDefault(conversation => conversation.Status == ConversationStatus.Completed && conversation.Goal is not null)?.Goal;
        if (lastGoal is null && open.Count == 0)
        {
            return null;
        }

        if (lastGoal is not null)
        {
            step.Context.SendText(LastGoal(lastGoal));
        }

        if (open.Count > MaxAsked)
        {
            step.Context.SendText(AndMore(open.Count - MaxAsked));
        }

        var asked = new JsonArray([.. open.Take(MaxAsked).Select(action => (JsonNode)new JsonObject
        {
            [IdKey] = action.Id.ToString("D"),
            [WhatKey] = action.What,
            [ByWhenKey] = action.ByWhen.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        })]);
        return new JsonObject { [ActionsKey] = asked, [IndexKey] = 0 };
    }

    private static ActionStatus? Status(string? choice) =>
        choice == Done ? ActionStatus.Done
        : choice == InProgress ? ActionStatus.InProgress
        : choice == Dropped ? ActionStatus.Dropped
        : choice == StillOpen ? ActionStatus.Open
        : null;
}
