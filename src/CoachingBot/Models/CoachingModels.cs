namespace CoachingBot.Models;

/// <summary>
/// The process models the course text compares (Managing a Career Coaching Conversation): Whitmore's GROW,
/// Egan's Skilled Helper, and Ali and Graham's counselling approach. The questions are ours, written for each
/// stage's purpose as the models' authors describe it. Each stage asks its first question alone; the others come one
/// at a time when the client wants more or answers briefly, and its gentler question when the client is stuck.
/// A definition names its texts (entries in ModelTexts.resx, by <c>nameof</c> so a missing one does not compile) and
/// holds no wording: the wording is changed or translated there, and the definition stays data.
/// </summary>
public static class CoachingModels
{
    /// <summary>Whitmore (2009): a conversation that starts from the client's goal.</summary>
    public static readonly CoachingModel Grow = new(
        "grow",
        "grow",
        nameof(ModelTexts.GrowName),
        nameof(ModelTexts.GrowShortName),
        nameof(ModelTexts.GrowAConversation),
        nameof(ModelTexts.GrowSource),
        nameof(ModelTexts.GrowEmphasis),
        [
            new Stage(
                "goal",
                nameof(ModelTexts.GrowGoalTitle),
                nameof(ModelTexts.GrowGoalPurpose),
                [
                    nameof(ModelTexts.GrowGoalQuestion1),
                    nameof(ModelTexts.GrowGoalQuestion2),
                    nameof(ModelTexts.GrowGoalQuestion3),
                ],
                nameof(ModelTexts.GrowGoalGentler),
                CaptureKind.Goal),
            new Stage(
                "reality",
                nameof(ModelTexts.GrowRealityTitle),
                nameof(ModelTexts.GrowRealityPurpose),
                [
                    nameof(ModelTexts.GrowRealityQuestion1),
                    nameof(ModelTexts.GrowRealityQuestion2),
                    nameof(ModelTexts.GrowRealityQuestion3),
                    nameof(ModelTexts.GrowRealityQuestion4),
                ],
                nameof(ModelTexts.GrowRealityGentler),
                CaptureKind.Text)
            {
                SoFar = SoFarPart.Now,
            },
            new Stage(
                "options",
                nameof(ModelTexts.GrowOptionsTitle),
                nameof(ModelTexts.GrowOptionsPurpose),
                [
                    nameof(ModelTexts.GrowOptionsQuestion1),
                    nameof(ModelTexts.GrowOptionsQuestion2),
                    nameof(ModelTexts.GrowOptionsQuestion3),
                ],
                nameof(ModelTexts.GrowOptionsGentler),
                CaptureKind.Options),
            new Stage(
                "will",
                nameof(ModelTexts.GrowWillTitle),
                nameof(ModelTexts.GrowWillPurpose),
                [
                    nameof(ModelTexts.GrowWillQuestion1),
                    nameof(ModelTexts.GrowWillQuestion2),
                    nameof(ModelTexts.GrowWillQuestion3),
                ],
                nameof(ModelTexts.GrowWillGentler),
                CaptureKind.Actions),
        ]);

    /// <summary>
    /// Egan (2010): from the current picture, through the preferred picture, to the way forward. The actions come
    /// in the conversation's ending, as in any model without a stage of its own for them.
    /// </summary>
    public static readonly CoachingModel Egan = new(
        "egan",
        "egan",
        nameof(ModelTexts.EganName),
        nameof(ModelTexts.EganShortName),
        nameof(ModelTexts.EganAConversation),
        nameof(ModelTexts.EganSource),
        nameof(ModelTexts.EganEmphasis),
        [
            new Stage(
                "current",
                nameof(ModelTexts.EganCurrentTitle),
                nameof(ModelTexts.EganCurrentPurpose),
                [
                    nameof(ModelTexts.EganCurrentQuestion1),
                    nameof(ModelTexts.EganCurrentQuestion2),
                    nameof(ModelTexts.EganCurrentQuestion3),
                ],
                nameof(ModelTexts.EganCurrentGentler),
                CaptureKind.Text)
            {
                SoFar = SoFarPart.Now,
            },
            new Stage(
                "preferred",
                nameof(ModelTexts.EganPreferredTitle),
                nameof(ModelTexts.EganPreferredPurpose),
                [
                    nameof(ModelTexts.EganPreferredQuestion1),
                    nameof(ModelTexts.EganPreferredQuestion2),
                    nameof(ModelTexts.EganPreferredQuestion3),
                ],
                nameof(ModelTexts.EganPreferredGentler),
                CaptureKind.Goal),
            new Stage(
                "wayforward",
                nameof(ModelTexts.EganWayForwardTitle),
                nameof(ModelTexts.EganWayForwardPurpose),
                [
                    nameof(ModelTexts.EganWayForwardQuestion1),
                    nameof(ModelTexts.EganWayForwardQuestion2),
                    nameof(ModelTexts.EganWayForwardQuestion3),
                ],
                nameof(ModelTexts.EganWayForwardGentler),
                CaptureKind.Options),
        ]);

    /// <summary>Ali and Graham (1996): a counselling approach that puts weight on the contract for the interaction.</summary>
    public static readonly CoachingModel AliGraham = new(
        "aligraham",
        "aligraham",
        nameof(ModelTexts.AliGrahamName),
        nameof(ModelTexts.AliGrahamShortName),
        nameof(ModelTexts.AliGrahamAConversation),
        nameof(ModelTexts.AliGrahamSource),
        nameof(ModelTexts.AliGrahamEmphasis),
        [
            new Stage(
                "clarifying",
                nameof(ModelTexts.AliGrahamClarifyingTitle),
                nameof(ModelTexts.AliGrahamClarifyingPurpose),
                [
                    nameof(ModelTexts.AliGrahamClarifyingQuestion1),
                    nameof(ModelTexts.AliGrahamClarifyingQuestion2),
                    nameof(ModelTexts.AliGrahamClarifyingQuestion3),
                ],
                nameof(ModelTexts.AliGrahamClarifyingGentler),
                CaptureKind.Text)
            {
                SoFar = SoFarPart.Goal,
            },
            new Stage(
                "exploring",
                nameof(ModelTexts.AliGrahamExploringTitle),
                nameof(ModelTexts.AliGrahamExploringPurpose),
                [
                    nameof(ModelTexts.AliGrahamExploringQuestion1),
                    nameof(ModelTexts.AliGrahamExploringQuestion2),
                    nameof(ModelTexts.AliGrahamExploringQuestion3),
                ],
                nameof(ModelTexts.AliGrahamExploringGentler),
                CaptureKind.Text)
            {
                SoFar = SoFarPart.Now,
            },
            new Stage(
                "evaluating",
                nameof(ModelTexts.AliGrahamEvaluatingTitle),
                nameof(ModelTexts.AliGrahamEvaluatingPurpose),
                [
                    nameof(ModelTexts.AliGrahamEvaluatingQuestion1),
                    nameof(ModelTexts.AliGrahamEvaluatingQuestion2),
                    nameof(ModelTexts.AliGrahamEvaluatingQuestion3),
                ],
                nameof(ModelTexts.AliGrahamEvaluatingGentler),
                CaptureKind.Options),
            new Stage(
                "actionplanning",
                nameof(ModelTexts.AliGrahamActionPlanningTitle),
                nameof(ModelTexts.AliGrahamActionPlanningPurpose),
                [
                    nameof(ModelTexts.AliGrahamActionPlanningQuestion1),
                    nameof(ModelTexts.AliGrahamActionPlanningQuestion2),
                    nameof(ModelTexts.AliGrahamActionPlanningQuestion3),
                ],
                nameof(ModelTexts.AliGrahamActionPlanningGentler),
                CaptureKind.Actions),
        ]);

    /// <summary>Every built-in model, in the order help lists them.</summary>
    public static IReadOnlyList<CoachingModel> All { get; } = [Grow, Egan, AliGraham];

    /// <summary>The model with this id, or null.</summary>
    public static CoachingModel? Find(string? id) => All.FirstOrDefault(model => string.Equals(model.Id, id, StringComparison.OrdinalIgnoreCase));
}
