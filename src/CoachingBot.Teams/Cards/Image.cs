namespace CoachingBot.Teams.Cards;

/// <summary>An image from an https or data URL.</summary>
public sealed class Image : CardElement
{
    /// <summary>Where the image is.</summary>
    public Uri? Url { get; set; }

    /// <summary>Text read by screen readers.</summary>
    public string? AltText { get; set; }

    /// <summary>Size.</summary>
    public ImageSize? Size { get; set; }

    /// <summary>Horizontal placement.</summary>
    public HorizontalAlignment? HorizontalAlignment { get; set; }
}
