namespace CoachingBot.Models;

/// <summary>
/// The process models the course text compares (Managing a Career Coaching Conversation): Whitmore's GROW,
/// Egan's Skilled Helper, and Ali and Graham's counselling approach. The questions are ours, written for each
/// stage's purpose as the models' authors describe it.
/// </summary>
public static class CoachingModels
{
    /// <summary>Whitmore (2009): a conversation that starts from the client's goal.</summary>
    public static readonly CoachingModel Grow = new(
        "grow",
        "grow",
        "GROW",
        "John Whitmore, Coaching for Performance (2009)",
        "Starts from the goal: best when you can already say what you want.",
        [
            new Stage(
                "goal",
                "Goal",
                "Decide what you want, from this conversation and beyond it.",
                [
                    "What would you like to achieve?",
                    "What would be different if you achieved it?",
                    "How will you know you have got there?",
                ],
                CaptureKind.Goal),
            new Stage(
                "reality",
                "Reality",
                "See clearly where you are now, without judging it.",
                [
                    "What is happening now in relation to your goal?",
                    "What have you tried so far, and what happened?",
                    "What is getting in the way, and what is already helping?",
                    "Who else is involved, and how do they see it?",
                ],
                CaptureKind.Text),
            new Stage(
                "options",
                "Options",
                "Find as many ways forward as you can before choosing.",
                [
                    "What could you do? List as many options as you can, however unlikely.",
                    "What would you do if you had more time, more money or more courage?",
                    "What would someone you admire do in your place?",
                ],
                CaptureKind.Options),
            new Stage(
                "will",
                "Will (the way forward)",
                "Commit to what you will do, by when, and with what support.",
                [
                    "What will you do, and when?",
                    "What might get in the way, and how will you handle it?",
                    "What support do you need, and from whom?",
                    "On a scale of 1 to 10, how committed are you to doing it?",
                ],
                CaptureKind.Actions),
        ]);

    /// <summary>
    /// Egan (2010): from the current picture, through the preferred picture, to the way forward. The actions come
    /// in the conversation's ending, as in any model without a stage of its own for them.
    /// </summary>
    public static readonly CoachingModel Egan = new(
        "egan",
        "egan",
        "The Skilled Helper",
        "Gerard Egan, The Skilled Helper (2010), chapter 3",
        "Starts from what is going on now: good when the goal is not clear yet.",
        [
            new Stage(
                "current",
                "The current picture",
                "What is going on? Tell your story and find what matters most in it.",
                [
                    "What is going on for you at the moment?",
                    "Of all this, what matters most to you, or would make the biggest difference?",
                    "What are you not yet seeing, or not saying, about it?",
                ],
                CaptureKind.Text),
            new Stage(
                "preferred",
                "The preferred picture",
                "What do I need or want? Imagine a better future and choose a goal from it.",
                [
                    "If things were better, what would they look like?",
                    "Of those possibilities, what do you really want?",
                    "What would achieving it give you?",
                ],
                CaptureKind.Goal),
            new Stage(
                "wayforward",
                "The way forward",
                "How do I get what I need or want? Find strategies, choose, and plan.",
                [
                    "What are all the ways you could get there?",
                    "Which of them best fits you, your resources and your situation?",
                    "What steps will you take, and in what order?",
                ],
                CaptureKind.Options)
        ]);

    /// <summary>Ali and Graham (1996): a counselling approach that puts weight on the contract for the interaction.</summary>
    public static readonly CoachingModel AliGraham = new(
        "aligraham",
        "aligraham",
        "Ali and Graham",
        "Lynda Ali and Barbara Graham, The Counselling Approach to Careers Guidance (1996), chapter 4",
        "Puts weight on agreeing what the conversation is for: good when the question itself needs clarifying.",
        [
            new Stage(
                "clarifying",
                "The Clarifying phase",
                "Agree what this conversation is about and what you want from it.",
                [
                    "What has brought you to this conversation today?",
                    "What would make this conversation worthwhile for you?",
                    "What is, and isn't, open for us to work on?",
                ],
                CaptureKind.Text),
            new Stage(
                "exploring",
                "The Exploring phase",
                "Explore your situation, your feelings about it, and what matters to you.",
                [
                    "Tell me more about your situation as you see it.",
                    "What do you feel about it, and what does that tell you?",
                    "What do you know about yourself that matters here: your strengths, values and interests?",
                ],
                CaptureKind.Text),
            new Stage(
                "evaluating",
                "The Evaluating phase",
                "Weigh up the possibilities against what matters to you.",
                [
                    "What options do you have?",
                    "How does each fit with what matters most to you?",
                    "What would you gain and what would you give up with each?",
                ],
                CaptureKind.Options),
            new Stage(
                "actionplanning",
                "The Action Planning phase",
                "Decide on the steps you will take and when.",
                [
                    "What will you do next, and by when?",
                    "What help or information do you need?",
                    "How will you know it has worked?",
                ],
                CaptureKind.Actions),
        ]);

    /// <summary>Every built-in model, in the order help lists them.</summary>
    public static IReadOnlyList<CoachingModel> All { get; } = [Grow, Egan, AliGraham];

    /// <summary>The model with this id, or null.</summary>
    public static CoachingModel? Find(string? id) => All.FirstOrDefault(model => string.Equals(model.Id, id, StringComparison.OrdinalIgnoreCase));
}
