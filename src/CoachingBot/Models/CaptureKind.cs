namespace CoachingBot.Models;

/// <summary>What a stage of a coaching model collects from the client.</summary>
public enum CaptureKind
{
    /// <summary>A free-text answer to the stage's questions.</summary>
    Text,
    /// <summary>A goal on the goal card: own words, SMART, target date.</summary>
    Goal,
    /// <summary>Several options, weighed, and the ones chosen.</summary>
    Options,
    /// <summary>Actions with a date, the support needed and confidence.</summary>
    Actions,
}
