namespace CoachingBot.Models;

/// <summary>
/// Bedford's FIRST (in Mignot, 2001): an outcome model, not a process. At the end of any conversation the client
/// judges it by five factors; the questions put each factor in plain words.
/// </summary>
public static class FirstModel
{
    public const int MinRating = 1;
    public const int MaxRating = 5;

    public static IReadOnlyList<OutcomeFactor> Factors { get; } =
    [
        new("focus", "Focus", "How clear are you now about what you want to focus on?"),
        new("informed", "Informed", "How well informed do you feel about your situation and your options?"),
        new("realistic", "Realistic", "How realistic does your plan feel, given your circumstances?"),
        new("scope", "Scope", "How well do you see the range of possibilities open to you?"),
        new("tactics", "Tactics", "How clear are you about the practical steps you will take next?"),
    ];
}
