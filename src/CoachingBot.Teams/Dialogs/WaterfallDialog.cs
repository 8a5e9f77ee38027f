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
/// </summary>
public class WaterfallDialog : Dialog
{
    private const string StepIndexKey = "stepIndex";
    private const string ValuesKey = "values";
    private const string OptionsKey = "options";

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
        return RunStepAsync(dc, CurrentStep(dc) + 1, reply, cancellationToken);
    }

    /// <inheritdoc />
    public override Task<DialogTurnResult> ResumeAsync(DialogContext dc, DialogTurnResult childResult, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        ArgumentNullException.ThrowIfNull(childResult);
        return childResult.Status == DialogTurnStatus.Cancelled
            ? dc.CancelDialogAsync(cancellationToken)
            : RunStepAsync(dc, CurrentStep(dc) + 1, childResult.Result, cancellationToken);
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
        var stepContext = new WaterfallStepContext(this, dc, index, state[OptionsKey], (JsonObject)state[ValuesKey]!, result);
        return _steps[index](stepContext, cancellationToken);
    }

    private static int CurrentStep(DialogContext dc) => Instance(dc).State[StepIndexKey]!.GetValue<int>();

    private static DialogInstance Instance(DialogContext dc) =>
        dc.ActiveDialog ?? throw new InvalidOperationException("The waterfall is not on the dialog stack.");
}
