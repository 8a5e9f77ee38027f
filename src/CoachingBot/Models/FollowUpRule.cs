namespace CoachingBot.Models;

/// <summary>What makes a coach ask a follow-up question.</summary>
public enum FollowUpTrigger
{
    /// <summary>An agreed action's confidence (1 to 10) below <see cref="FollowUpRule.Below"/>.</summary>
    LowConfidence,
    /// <summary>The contract check answered with one of <see cref="FollowUpRule.Answers"/>.</summary>
    ContractCheckAnswer,
    /// <summary>The FIRST factor named by the step rated below <see cref="FollowUpRule.Below"/> (the lowest one asks).</summary>
    LowFirstRating,
}

/// <summary>
/// A follow-up a coach would ask: after the step <paramref name="Step"/> (a frame step or <c>first.factor</c>), when
/// the trigger holds, one question. The answer is kept with the conversation.
/// </summary>
/// <param name="Id">Stable id, stored with the answer.</param>
/// <param name="Step">The step the rule listens to: a frame step id, or <c>first.</c> and a FIRST factor id.</param>
/// <param name="Trigger">What makes it fire.</param>
/// <param name="QuestionKey">
/// The question, an entry in ModelTexts.resx; <c>{0}</c> is the client's own words it follows up on, where there are
/// any, and <c>{1}</c> the rating.
/// </param>
public sealed record FollowUpRule(string Id, string Step, FollowUpTrigger Trigger, string QuestionKey)
{
    public string Question => Wording.Of(QuestionKey);

    /// <summary>For the low-rating triggers: fires when the rating is below this.</summary>
    public int? Below { get; init; }

    /// <summary>For <see cref="FollowUpTrigger.ContractCheckAnswer"/>: the answers that fire it, as entries in ModelTexts.resx.</summary>
    public IReadOnlyList<string> AnswerKeys { get; init; } = [];

    /// <summary>The wording of <see cref="AnswerKeys"/>, as the choices the client picks from read.</summary>
    public IReadOnlyList<string> Answers => [.. AnswerKeys.Select(Wording.Of)];

    /// <summary>When true the answer, unless the client declines, becomes an action due by the check-in date.</summary>
    public bool OffersAction { get; init; }
}
