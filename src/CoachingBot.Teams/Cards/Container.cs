namespace CoachingBot.Teams.Cards;

/// <summary>Groups elements so they can share a style, be hidden together or be clicked as one.</summary>
public sealed class Container : CardElement
{
    /// <summary>The elements inside.</summary>
    public IList<CardElement> Items { get; set; } = [];

    /// <summary>Background style.</summary>
    public ContainerStyle? Style { get; set; }

    /// <summary>An action run when the container is clicked; Teams does not allow Action.ShowCard here.</summary>
    public AdaptiveAction? SelectAction { get; set; }
}
