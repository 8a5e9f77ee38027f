namespace CoachingBot.Models;

/// <summary>One factor of an outcome model, rated by the client from 1 (not at all) to 5 (fully).</summary>
/// <param name="Id">Stable id, stored with ratings.</param>
/// <param name="TitleKey">The factor's name (an entry in ModelTexts.resx).</param>
/// <param name="QuestionKey">The factor as a question in plain words (an entry in ModelTexts.resx).</param>
public sealed record OutcomeFactor(string Id, string TitleKey, string QuestionKey)
{
    public string Title => Wording.Of(TitleKey);

    public string Question => Wording.Of(QuestionKey);
}
