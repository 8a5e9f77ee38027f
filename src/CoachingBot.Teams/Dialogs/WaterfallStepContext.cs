using System.Text.Json;
using System.Text.Json.Nodes;
using CoachingBot.Teams.Hosting;
using CoachingBot.Teams.Schema;

namespace CoachingBot.Teams.Dialogs;

/// <summary>
/// What a waterfall step sees, and how it moves on. A step returns what exactly one of <see cref="NextAsync"/>,
/// <see cref="PromptAsync"/>, <see cref="BeginDialogAsync"/> or <see cref="EndDialogAsync"/> returns.
/// </summary>
public sealed class WaterfallStepContext
{
    private readonly WaterfallDialog _waterfall;
    private bool _movedOn;

    internal WaterfallStepContext(WaterfallDialog waterfall, DialogContext dialogContext, int index, JsonNode? options, JsonObject values, JsonNode? result)
    {
        _waterfall = waterfall;
        DialogContext = dialogContext;
        Index = index;
        Options = options;
        Values = values;
        Result = result;
    }

    /// <summary>The dialog stack, for what the step helpers do not cover.</summary>
    public DialogContext DialogContext { get; }

    /// <summary>The turn: the inbound activity and the queue of replies.</summary>
    public TurnContext Context => DialogContext.Context;

    /// <summary>The step's position, from 0.</summary>
    public int Index { get; }

    /// <summary>The options the waterfall was begun with.</summary>
    public JsonNode? Options { get; }

    /// <summary>The waterfall's own values, kept across steps and turns. Store answers here as JSON.</summary>
    public JsonObject Values { get; }

    /// <summary>The previous step's result: a prompt's answer, a child dialog's result, or the user's reply.</summary>
    public JsonNode? Result { get; }

    /// <summary><see cref="Result"/> read as <typeparamref name="T"/> with <see cref="BotJson.Options"/>, as card form prompts write it.</summary>
    public T? ResultAs<T>() => Result is null ? default : Result.Deserialize<T>(BotJson.Options);

    /// <summary>Runs the next step now, in this turn, with <paramref name="result"/> as its <see cref="Result"/>.</summary>
    public Task<DialogTurnResult> NextAsync(JsonNode? result = null, CancellationToken cancellationToken = default)
    {
        MoveOn();
        return _waterfall.RunStepAsync(DialogContext, Index + 1, result, cancellationToken);
    }

    /// <summary>Begins the prompt <paramref name="promptId"/>; its answer is the next step's <see cref="Result"/>.</summary>
    public Task<DialogTurnResult> PromptAsync(string promptId, PromptOptions options, CancellationToken cancellationToken = default)
    {
        MoveOn();
        return DialogContext.PromptAsync(promptId, options, cancellationToken);
    }

    /// <summary>Begins the child dialog <paramref name="dialogId"/>; its result is the next step's <see cref="Result"/>.</summary>
    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, JsonNode? options = null, CancellationToken cancellationToken = default)
    {
        MoveOn();
        return DialogContext.BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Ends the waterfall now with <paramref name="result"/>, skipping any later steps.</summary>
    public Task<DialogTurnResult> EndDialogAsync(JsonNode? result = null, CancellationToken cancellationToken = default)
    {
        MoveOn();
        return DialogContext.EndDialogAsync(result, cancellationToken);
    }

    private void MoveOn()
    {
        if (_movedOn)
        {
            throw new InvalidOperationException($"Step {Index} of '{_waterfall.Id}' has already moved on.");
        }

        _movedOn = true;
    }
}
