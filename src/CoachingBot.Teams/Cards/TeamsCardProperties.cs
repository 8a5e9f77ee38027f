namespace CoachingBot.Teams.Cards;

/// <summary>Teams-only card settings, written as the card's "msteams" property.</summary>
public sealed class TeamsCardProperties
{
    /// <summary>The width that makes Teams draw a card as wide as the chat.</summary>
    public const string FullWidth = "Full";

    /// <summary><see cref="FullWidth"/>, or null for Teams' narrower default.</summary>
    public string? Width { get; set; }
}
