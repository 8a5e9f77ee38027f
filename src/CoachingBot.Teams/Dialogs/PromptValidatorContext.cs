using System.Text.Json.Nodes;
using CoachingBot.Teams.Hosting;

namespace CoachingBot.Teams.Dialogs;

/// <summary>What a <see cref="PromptValidator"/> judges.</summary>
/// <param name="Context">The turn.</param>
/// <param name="Value">The recognized answer, as the prompt would return it.</param>
/// <param name="Options">The prompt's options.</param>
/// <param name="Attempt">Which answer this is, from 1.</param>
public sealed record PromptValidatorContext(TurnContext Context, JsonNode? Value, PromptOptions Options, int Attempt);
