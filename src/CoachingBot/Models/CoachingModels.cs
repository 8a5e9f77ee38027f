namespace CoachingBot.Models;

/// <summary>
/// The process models the course text compares (Managing a Career Coaching Conversation): Whitmore's GROW,
/// Egan's Skilled Helper, and Ali and Graham's counselling approach. The questions are ours, written for each
/// stage's purpose as the models' authors describe it. Each stage asks its first question alone; the others come one
/// at a time when the client wants more or answers briefly, and its gentler question when the client is stuck.
/// </summary>
public static class CoachingModels
{
    /// <summary>Whitmore (2009): a conversation that starts from the client's goal.</summary>
    public static readonly CoachingModel Grow = new(
        "grow",
        "grow",
        "GROW",
        "GROW",
        "John Whitmore, Coaching for Performance (2009)",
        "It starts from your goal: best when you can already say what you want.",
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
                "If this went well, what is one thing that would be different, even a small one?",
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
                "Think of the last time this came up. What happened?",
                CaptureKind.Text)
            {
                SoFar = SoFarPart.Now,
            },
            new Stage(
                "options",
                "Options",
                "Find several ways forward before choosing.",
                [
                    "What could you do? Up to five options, however unlikely.",
                    "What would you do if you had more time, more money or more courage?",
                    "What would someone you admire do in your place?",
                ],
                "What is one small thing you could try, even if you're not sure it would work?",
                CaptureKind.Options),
            new Stage(
                "will",
                "Will (the way forward)",
                "Commit to what you will do, by when, and with what support.",
                [
                    "What will you do, and when?",
                    "What might get in the way, and how will you handle it?",
                    "What support do you need, and from whom?",
                ],
                "What is the very first step, however small?",
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
        "Skilled Helper",
        "Gerard Egan, The Skilled Helper (2010), chapter 3",
        "It starts from what is going on now: good when the goal is not clear yet.",
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
                "What has been on your mind most this week?",
                CaptureKind.Text)
            {
                SoFar = SoFarPart.Now,
            },
            new Stage(
                "preferred",
                "The preferred picture",
                "What do I need or want? Imagine a better future and choose a goal from it.",
                [
                    "If things were better, what would they look like?",
                    "Of those possibilities, what do you really want?",
                    "What would achieving it give you?",
                ],
                "Picture a good day a few months from now. What is different about it?",
                CaptureKind.Goal),
            new Stage(
                "wayforward",
                "The way forward",
                "How do I get what I need or want? Find strategies, choose, and plan.",
                [
                    "What are the ways you could get there? Up to five.",
                    "Which of them best fits you, your resources and your situation?",
                    "What steps will you take, and in what order?",
                ],
                "Who do you know who has done something like this, and how did they go about it?",
                CaptureKind.Options),
        ]);

    /// <summary>Ali and Graham (1996): a counselling approach that puts weight on the contract for the interaction.</summary>
    public static readonly CoachingModel AliGraham = new(
        "aligraham",
        "aligraham",
        "Ali and Graham",
        "Ali and Graham",
        "Lynda Ali and Barbara Graham, The Counselling Approach to Careers Guidance (1996), chapter 4",
        "It puts weight on agreeing what the conversation is for: good when the question itself needs clarifying.",
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
                "What made you open this chat today rather than another day?",
                CaptureKind.Text)
            {
                SoFar = SoFarPart.Goal,
            },
            new Stage(
                "exploring",
                "The Exploring phase",
                "Explore your situation, your feelings about it, and what matters to you.",
                [
                    "Tell me more about your situation as you see it.",
                    "What do you feel about it, and what does that tell you?",
                    "What do you know about yourself that matters here: your strengths, values and interests?",
                ],
                "What is one part of it that you'd most like to change?",
                CaptureKind.Text)
            {
                SoFar = SoFarPart.Now,
            },
            new Stage(
                "evaluating",
                "The Evaluating phase",
                "Weigh up the possibilities against what matters to you.",
                [
                    "What options do you have? Up to five.",
                    "How does each fit with what matters most to you?",
                    "What would you gain and what would you give up with each?",
                ],
                "If a friend were in your place, what would you suggest they consider?",
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
                "What could you do in the next week, however small?",
                CaptureKind.Actions),
        ]);

    /// <summary>Every built-in model, in the order help lists them.</summary>
    public static IReadOnlyList<CoachingModel> All { get; } = [Grow, Egan, AliGraham];

    /// <summary>The model with this id, or null.</summary>
    public static CoachingModel? Find(string? id) => All.FirstOrDefault(model => string.Equals(model.Id, id, StringComparison.OrdinalIgnoreCase));
}
