using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoachingBot.Teams.Schema;

namespace CoachingBot.Teams.Dialogs;

/// <summary>
/// A dialog that runs its steps in order, each step asking something (a prompt or a child dialog) whose answer the next
/// step receives. Only the step index, the options and <see cref="WaterfallStepContext.Values"/> are stored, so a new
/// process resumes at the same step, provided the steps keep their order between releases.
/// When the last step moves on (<see cref="WaterfallStepContext.NextAsync"/>, or its child ends), the waterfall ends
/// with that result. A child that ends Cancelled (such as a
/// prompt that reached its maximum attempts) cancels the waterfall too, up to the root, where the caller sees it.
/// <para>
/// The waterfall keeps a short history of the steps it ran (the result each received, its values before it ran, the
/// answer its question got), so it can step back one question for <c>back</c>, restoring the values as they were, and
/// add a quick second message to the previous free-text answer (see <see cref="JoinWindow"/>). Steps should therefore
/// save with upserts: a step may run again.
/// </para>
/// </summary>
public class WaterfallDialog : Dialog
{
    private const string StepIndexKey = "stepIndex";
    private const string ValuesKey = "values";
    private const string OptionsKey = "options";
    private const string HistoryKey = "history";
    private const string IndexKey = "index";
    private const string ResultKey = "result";
    private const string AnswerKey = "answer";
    private const string JoinableKey = "joinable";
    private const string AnsweredAtKey = "answeredAt";

    /// <summary>How many steps the history keeps; enough to step back, small enough to store with every turn.</summary>
    private const int HistoryLength = 16;

    private readonly List<Func<WaterfallStepContext, CancellationToken, Task<DialogTurnResult>>> _steps = [];

    /// <summary>Creates a waterfall with <paramref name="steps"/>, run in order.</summary>
    public WaterfallDialog(string id, IEnumerable<Func<WaterfallStepContext, CancellationToken, Task<DialogTurnResult>>> steps) : base(id)
    {
        ArgumentNullException.ThrowIfNull(steps);
        foreach (var step in steps)
        {
            AddStep(step);
        }
    }

    /// <summary>Creates a waterfall whose steps a derived class adds with <see cref="AddStep"/>, as instance methods.</summary>
    protected WaterfallDialog(string id) : base(id)
    {
    }

    /// <summary>
    /// How soon after a free-text answer another text message counts as the rest of that answer rather than the answer
    /// to the next question, by the activities' timestamps (set by Teams). People often send a thought in two messages
    /// a few seconds apart; reading the next question and answering it takes longer than this.
    /// </summary>
    public TimeSpan JoinWindow { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How many steps the waterfall has.</summary>
    public int StepCount => _steps.Count;

    /// <summary>Appends a step. Steps are identified by position in stored state: add them in the same order every time.</summary>
    protected void AddStep(Func<WaterfallStepContext, CancellationToken, Task<DialogTurnResult>> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        _steps.Add(step);
    }

    /// <inheritdoc />
    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, JsonNode? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var state = Instance(dc).State;
        state[OptionsKey] = options;
        state[ValuesKey] = new JsonObject();
        return RunStepAsync(dc, 0, null, cancellationToken);
    }

    /// <summary>
    /// A step waited without beginning a child (it sent its own message): the user's reply goes to the next step as its
    /// result, the normalized text, or the card's submit data when there is no text.
    /// </summary>
    public override Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (dc.Activity.Type != ActivityTypes.Message)
        {
            return Task.FromResult(DialogTurnResult.Waiting);
        }

        var text = TurnText.Normalize(dc.Activity);
        JsonNode? reply = text.Length > 0 ? JsonValue.Create(text)
            : dc.Activity.Value is { ValueKind: not JsonValueKind.Undefined } value ? JsonNode.Parse(value.GetRawText())
            : null;
        RecordAnswer(dc, reply, joinable: false);
        return RunStepAsync(dc, CurrentStep(dc) + 1, reply, cancellationToken);
    }

    /// <inheritdoc />
    public override Task<DialogTurnResult> ResumeAsync(DialogContext dc, DialogTurnResult childResult, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        ArgumentNullException.ThrowIfNull(childResult);
        if (childResult.Status == DialogTurnStatus.Cancelled)
        {
            return dc.CancelDialogAsync(cancellationToken);
        }

        var freeText = childResult.Result is JsonValue answer && answer.GetValueKind() == JsonValueKind.String
            && dc.LastEndedId is { } childId && dc.Dialogs.Find(childId) is TextPrompt;
        RecordAnswer(dc, childResult.Result, freeText);
        return RunStepAsync(dc, CurrentStep(dc) + 1, childResult.Result, cancellationToken);
    }

    /// <summary>Asks the question before the current one again, with its values restored and the answer it had shown.</summary>
    public override async Task<DialogTurnResult?> StepBackAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var history = History(Instance(dc).State);
        if (PreviousAnswered(history) is not { } at)
        {
            return null;
        }

        var previous = history[at]!.AsObject();
        var answer = previous[AnswerKey];
        dc.Context.SendText(answer is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? string.Format(CultureInfo.InvariantCulture, PromptTexts.PreviousAnswer, value.GetValue<string>())
            : PromptTexts.BackToPreviousCard);
        return await RerunAsync(dc, history, at, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override bool JoinsPreviousAnswer(DialogInstance instance, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var history = History(instance.State);
        return PreviousAnswered(history) is { } index
            && history[index]![JoinableKey]?.GetValue<bool>() == true
            && history[index]![AnsweredAtKey] is JsonValue answeredAt
            && answeredAt.TryGetValue<DateTimeOffset>(out var answered)
            && at >= answered && at - answered <= JoinWindow;
    }

    /// <inheritdoc />
    public override Task<DialogTurnResult> JoinPreviousAnswerAsync(DialogContext dc, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var history = History(Instance(dc).State);
        var at = PreviousAnswered(history) ?? throw new InvalidOperationException("There is no previous answer to join.");
        var previous = history[at]!.AsObject();
        var joined = previous[AnswerKey]!.GetValue<string>() + "\n\n" + text;
        previous[AnswerKey] = joined;
        previous[AnsweredAtKey] = dc.Activity.Timestamp;
        dc.Context.SendText(PromptTexts.AddedToPreviousAnswer);

        // The step that received the answer runs again with the whole of it, from the values it started with.
        var receiving = history[at + 1]!.AsObject();
        var state = Instance(dc).State;
        state[ValuesKey] = receiving[ValuesKey]!.DeepClone();
        var index = receiving[IndexKey]!.GetValue<int>();
        while (history.Count > at + 1)
        {
            history.RemoveAt(history.Count - 1);
        }

        return RunStepAsync(dc, index, JsonValue.Create(joined), cancellationToken);
    }

    private Task<DialogTurnResult> RerunAsync(DialogContext dc, JsonArray history, int at, CancellationToken cancellationToken)
    {
        var entry = history[at]!.AsObject();
        var state = Instance(dc).State;
        state[ValuesKey] = entry[ValuesKey]!.DeepClone();
        var index = entry[IndexKey]!.GetValue<int>();
        var result = entry[ResultKey]?.DeepClone();
        while (history.Count > at)
        {
            history.RemoveAt(history.Count - 1);
        }

        return RunStepAsync(dc, index, result, cancellationToken);
    }

    /// <summary>Where in the history the last question answered before the current one is: the newest entry below the top with an answer.</summary>
    private static int? PreviousAnswered(JsonArray history)
    {
        for (var i = history.Count - 2; i >= 0; i--)
        {
            if (history[i] is JsonObject entry && entry.ContainsKey(AnswerKey))
            {
                return i;
            }
        }

        return null;
    }

    private static void RecordAnswer(DialogContext dc, JsonNode? answer, bool joinable)
    {
        var history = History(Instance(dc).State);
        if (history.Count == 0 || history[^1] is not JsonObject current)
        {
            return;
        }

        current[AnswerKey] = answer?.DeepClone();
        current[JoinableKey] = joinable;
        current[AnsweredAtKey] = dc.Activity.Timestamp;
    }

    private static JsonArray History(JsonObject state)
    {
        if (state[HistoryKey] is JsonArray history)
        {
            return history;
        }

        history = [];
        state[HistoryKey] = history;
        return history;
    }

    /// <inheritdoc />
    public override bool IsValidState(JsonObject state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state[StepIndexKey] is JsonValue indexValue
            && indexValue.TryGetValue<int>(out var index)
            && index >= 0 && index < _steps.Count
            && state[ValuesKey] is JsonObject;
    }

    internal Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, JsonNode? result, CancellationToken cancellationToken)
    {
        if (index >= _steps.Count)
        {
            return dc.EndDialogAsync(result, cancellationToken);
        }

        var state = Instance(dc).State;
        state[StepIndexKey] = index;
        var history = History(state);
        history.Add(new JsonObject { [IndexKey] = index, [ResultKey] = result?.DeepClone(), [ValuesKey] = state[ValuesKey]!.DeepClone() });
        while (history.Count > HistoryLength)
        {
            history.RemoveAt(0);
        }

        var stepContext = new WaterfallStepContext(this, dc, index, state[OptionsKey], (JsonObject)state[ValuesKey]!, result);
        return _steps[index](stepContext, cancellationToken);
    }

    private static int CurrentStep(DialogContext dc) => Instance(dc).State[StepIndexKey]!.GetValue<int>();

    private static DialogInstance Instance(DialogContext dc) =>
        dc.ActiveDialog ?? throw new InvalidOperationException("The waterfall is not on the dialog stack.");
}
