using CoachingBot.Models;

namespace CoachingBot.Sessions;

/// <summary>What a coaching conversation says around its questions.</summary>
public static class SessionTexts
{
    /// <summary>Markers kept with the answers for the frame's steps that have no field of their own.</summary>
    public const string ContractAgreedKey = "frame.contract";
    public const string ActionsAgreedKey = "frame.actions";

    public const string WeighQuestion = "Now weigh them up and choose what to take forward.";

    public const string FirstQuestion = "Last, how did this conversation go for you?";

    public const string Closing = "Thank you. Here is a summary of our conversation; it's saved for you and your coach. Type **actions** to see and update your actions at any time.";

    public static string Opening(CoachingModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return $"Let's have a **{model.Name}** conversation ({model.Source}). {model.Emphasis}";
    }

    public static string Resuming(CoachingModel model, CoachingConversation conversation)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(conversation);
        return $"Welcome back. Let's pick up your **{model.Name}** conversation where you left it.";
    }

    public static string NotNow(CoachingModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return $"No problem. I've kept this as a draft: type **{model.Command}** when you're ready and I'll offer to pick up where you left off.";
    }

    public static string ForWhom(string? name) => string.IsNullOrWhiteSpace(name) ? string.Empty : $"**{name}**, over to you. ";

    /// <summary>A stage's question: its title and purpose, the leading question, and the others to think about.</summary>
    public static string StageQuestion(Stage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var followUps = stage.Questions.Skip(1).ToList();
        var more = followUps.Count == 0 ? string.Empty : "\n\nYou might also ask yourself: " + string.Join(" ", followUps);
        return $"**{stage.Title}**: {stage.Purpose}\n\n{stage.Questions[0]}{more}";
    }
}
