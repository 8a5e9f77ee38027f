using System.Text.Json;
using System.Text.Json.Nodes;
using CoachingBot.Teams.Schema;

namespace CoachingBot.Teams.Dialogs;

/// <summary>
/// How a prompt asks. Stored as JSON in the prompt's state (with <see cref="BotJson.Options"/>), so a prompt can re-ask
/// on a later turn, in a later process. Prompts with settings of their own take a derived record.
/// </summary>
public record PromptOptions
{
    /// <summary>The question. Null sends nothing, for when the step has already asked.</summary>
    public Activity? Prompt { get; init; }

    /// <summary>Sent after the reason an answer was not accepted; <see cref="Prompt"/> when null.</summary>
    public Activity? RetryPrompt { get; init; }

    /// <summary>
    /// How many unaccepted answers the prompt takes before giving up and ending Cancelled; null asks until answered.
    /// </summary>
    public int? MaxAttempts { get; init; }

    /// <summary>
    /// Whether typing <c>skip</c> ends the prompt with no answer (a null result), for a question a stage may leave out.
    /// </summary>
    public bool AllowSkip { get; init; }

    /// <summary>
    /// Whether typing <c>back</c> returns to the previous question, when the dialog that asked can step back
    /// (<see cref="WaterfallDialog"/> can). On by default; turn it off where "back" is a likely answer.
    /// </summary>
    public bool AllowBack { get; init; } = true;

    /// <summary>These options as JSON, with the fields of the derived record.</summary>
    public JsonNode ToJson() => JsonSerializer.SerializeToNode(this, GetType(), BotJson.Options)
        ?? throw new InvalidOperationException("Prompt options serialized to null.");
}
