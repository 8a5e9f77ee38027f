namespace CoachingBot.Models;

/// <summary>One stage of a coaching model: what it is for, what a coach would ask, and what it keeps.</summary>
/// <param name="Id">Stable id, stored with answers; never renamed once released.</param>
/// <param name="Title">The stage's name as the model's author gives it.</param>
/// <param name="Purpose">What the stage is for, in one line the client reads.</param>
/// <param name="Questions">
/// Two to four coaching questions. The first is the stage's question, asked on its own; the others go deeper, one at
/// a time, when the client asks for <c>more</c> or answers in a few words.
/// </param>
/// <param name="Gentler">
/// One easier way into the stage, for a client who answers "I don't know" or "skip": a smaller, more concrete question
/// asked once before moving on.
/// </param>
/// <param name="Captures">What the stage collects.</param>
public sealed record Stage(string Id, string Title, string Purpose, IReadOnlyList<string> Questions, string Gentler, CaptureKind Captures)
{
    /// <summary>Where a free-text answer goes in the one-line "so far" at each stage change; none when it stays out.</summary>
    public SoFarPart SoFar { get; init; } = Captures switch
    {
        CaptureKind.Goal => SoFarPart.Goal,
        CaptureKind.Options => SoFarPart.Considering,
        _ => SoFarPart.None,
    };
}

/// <summary>The three parts of the "so far" line: the goal, what is true now, what the client is considering.</summary>
public enum SoFarPart
{
    None,
    Goal,
    Now,
    Considering,
}
