namespace CoachingBot.Models;

/// <summary>One factor of an outcome model, rated by the client from 1 (not at all) to 5 (fully).</summary>
/// <param name="Id">Stable id, stored with ratings.</param>
/// <param name="Title">The factor's name.</param>
/// <param name="Question">The factor as a question in plain words.</param>
public sealed record OutcomeFactor(string Id, string Title, string Question);
