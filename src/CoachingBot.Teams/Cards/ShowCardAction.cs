namespace CoachingBot.Teams.Cards;

/// <summary>Opens a card inside the card, for optional detail or a sub-form; nothing is sent to the bot.</summary>
public sealed class ShowCardAction : AdaptiveAction
{
    /// <summary>The card shown.</summary>
    public AdaptiveCard? Card { get; set; }
}
