namespace CoachingBot.Sessions;

/// <summary>A goal as the client framed it on the goal card: their own words, and the SMART questions.</summary>
public sealed record GoalDraft(
    string Goal,
    string? Specific,
    string? Measure,
    string? Achievable,
    string? Relevant,
    DateOnly TargetDate);
