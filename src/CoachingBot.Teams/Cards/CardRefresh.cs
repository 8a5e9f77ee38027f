namespace CoachingBot.Teams.Cards;

/// <summary>Makes Teams ask the bot for an up-to-date card (by invoking <see cref="Action"/>) when the card is shown.</summary>
public sealed class CardRefresh
{
    /// <summary>The Action.Execute invoked automatically.</summary>
    public ExecuteAction? Action { get; set; }

    /// <summary>The Teams user ids (MRIs) for whom Teams refreshes automatically; Teams allows up to 60.</summary>
    public IList<string>? UserIds { get; set; }
}
