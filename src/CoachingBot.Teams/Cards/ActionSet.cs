namespace CoachingBot.Teams.Cards;

/// <summary>Buttons placed in the body, between other elements, rather than at the foot of the card.</summary>
public sealed class ActionSet : CardElement
{
    /// <summary>The buttons.</summary>
    public IList<AdaptiveAction> Actions { get; set; } = [];
}
