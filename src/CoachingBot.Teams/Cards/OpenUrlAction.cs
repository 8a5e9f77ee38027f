namespace CoachingBot.Teams.Cards;

/// <summary>Opens a web page in the browser; nothing is sent to the bot.</summary>
public sealed class OpenUrlAction : AdaptiveAction
{
    /// <summary>The page.</summary>
    public Uri? Url { get; set; }
}
