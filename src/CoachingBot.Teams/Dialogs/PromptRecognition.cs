using System.Text.Json.Nodes;

namespace CoachingBot.Teams.Dialogs;

/// <summary>What a prompt made of the user's answer: a value, or the reason it was not accepted.</summary>
public sealed record PromptRecognition
{
    private PromptRecognition(bool succeeded, JsonNode? value, string? reason)
    {
        Succeeded = succeeded;
        Value = value;
        Reason = reason;
    }

    /// <summary>True when the answer was understood.</summary>
    public bool Succeeded { get; }

    /// <summary>The answer as JSON, the prompt's result.</summary>
    public JsonNode? Value { get; }

    /// <summary>What to tell the user when the answer was not understood.</summary>
    public string? Reason { get; }

    /// <summary>The answer was understood as <paramref name="value"/>.</summary>
    public static PromptRecognition Accept(JsonNode? value) => new(true, value, null);

    /// <summary>The answer was not understood; <paramref name="reason"/> says why, to the user.</summary>
    public static PromptRecognition Reject(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(false, null, reason);
    }
}
