namespace CoachingBot.Teams.Cards;

/// <summary>Something in a card that Teams would refuse or draw wrongly.</summary>
/// <param name="Path">Where in the card, such as <c>body[2].items[0]</c> or <c>actions[1]</c>.</param>
/// <param name="Message">What is wrong, in plain words.</param>
public sealed record CardProblem(string Path, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Path}: {Message}";
}
