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
        new("focus", nameof(ModelTexts.FirstFocusTitle), nameof(ModelTexts.FirstFocusQuestion)),
        new("informed", nameof(ModelTexts.FirstInformedTitle), nameof(ModelTexts.FirstInformedQuestion)),
        new("realistic", nameof(ModelTexts.FirstRealisticTitle), nameof(ModelTexts.FirstRealisticQuestion)),
        new("scope", nameof(ModelTexts.FirstScopeTitle), nameof(ModelTexts.FirstScopeQuestion)),
        new("tactics", nameof(ModelTexts.FirstTacticsTitle), nameof(ModelTexts.FirstTacticsQuestion)),
    ];
}
