namespace CoachingBot.Models;

/// <summary>
/// One stage of a coaching model: what it is for, what a coach would ask, and what it keeps. The stage holds the names
/// of its texts in ModelTexts.resx; <see cref="Title"/>, <see cref="Purpose"/>, <see cref="Questions"/> and
/// <see cref="Gentler"/> read them.
/// </summary>
/// <param name="Id">Stable id, stored with answers; never renamed once released.</param>
/// <param name="TitleKey">The stage's name as the model's author gives it.</param>
/// <param name="PurposeKey">What the stage is for, in one line the client reads.</param>
/// <param name="QuestionKeys">
/// Two to four coaching questions. The first is the stage's question, asked on its own; the others go deeper, one at
/// a time, when the client asks for <c>more</c> or answers in a few words.
/// </param>
/// <param name="GentlerKey">
/// One easier way into the stage, for a client who answers "I don't know" or "skip": a smaller, more concrete question
/// asked once before moving on.
/// </param>
/// <param name="Captures">What the stage collects.</param>
public sealed record Stage(string Id, string TitleKey, string PurposeKey, IReadOnlyList<string> QuestionKeys, string GentlerKey, CaptureKind Captures)
{
    /// <summary>Where a free-text answer goes in the one-line "so far" at each stage change; none when it stays out.</summary>
    public SoFarPart SoFar { get; init; } = Captures switch
    {
        CaptureKind.Goal => SoFarPart.Goal,
        CaptureKind.Options => SoFarPart.Considering,
        _ => SoFarPart.None,
    };

    public string Title => Wording.Of(TitleKey);

    public string Purpose => Wording.Of(PurposeKey);

    public IReadOnlyList<string> Questions => [.. QuestionKeys.Select(Wording.Of)];

    public string Gentler => Wording.Of(GentlerKey);

    /// <summary>Every text name the stage holds, for the check that each is in the resources.</summary>
    public IEnumerable<string> TextKeys => [TitleKey, PurposeKey, .. QuestionKeys, GentlerKey];
}

/// <summary>The three parts of the "so far" line: the goal, what is true now, what the client is considering.</summary>
public enum SoFarPart
{
    None,
    Goal,
    Now,
    Considering,
}
