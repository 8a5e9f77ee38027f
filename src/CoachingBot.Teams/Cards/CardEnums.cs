using System.Text.Json.Serialization;

namespace CoachingBot.Teams.Cards;

// The schema's enum values are camelCase strings; each member names its string so a rename in C# cannot change the JSON.

/// <summary>Font weight of text.</summary>
[JsonConverter(typeof(CardEnumConverter<TextWeight>))]
public enum TextWeight
{
    /// <summary>The host's normal weight.</summary>
    [JsonStringEnumMemberName("default")] Default,
    /// <summary>Thinner than normal.</summary>
    [JsonStringEnumMemberName("lighter")] Lighter,
    /// <summary>Bold.</summary>
    [JsonStringEnumMemberName("bolder")] Bolder,
}

/// <summary>Font size of text.</summary>
[JsonConverter(typeof(CardEnumConverter<TextSize>))]
public enum TextSize
{
    /// <summary>The host's normal size.</summary>
    [JsonStringEnumMemberName("default")] Default,
    /// <summary>Smaller than normal.</summary>
    [JsonStringEnumMemberName("small")] Small,
    /// <summary>Slightly larger than normal.</summary>
    [JsonStringEnumMemberName("medium")] Medium,
    /// <summary>Heading size.</summary>
    [JsonStringEnumMemberName("large")] Large,
    /// <summary>Title size.</summary>
    [JsonStringEnumMemberName("extraLarge")] ExtraLarge,
}

/// <summary>Text colour, resolved by the host's theme (light, dark, high contrast).</summary>
[JsonConverter(typeof(CardEnumConverter<TextColor>))]
public enum TextColor
{
    /// <summary>The theme's text colour.</summary>
    [JsonStringEnumMemberName("default")] Default,
    /// <summary>Dark text.</summary>
    [JsonStringEnumMemberName("dark")] Dark,
    /// <summary>Light text.</summary>
    [JsonStringEnumMemberName("light")] Light,
    /// <summary>The theme's accent colour.</summary>
    [JsonStringEnumMemberName("accent")] Accent,
    /// <summary>Success (green in most themes).</summary>
    [JsonStringEnumMemberName("good")] Good,
    /// <summary>Caution (amber in most themes).</summary>
    [JsonStringEnumMemberName("warning")] Warning,
    /// <summary>Error (red in most themes); used for validation messages.</summary>
    [JsonStringEnumMemberName("attention")] Attention,
}

/// <summary>Space above an element.</summary>
[JsonConverter(typeof(CardEnumConverter<Spacing>))]
public enum Spacing
{
    /// <summary>No space.</summary>
    [JsonStringEnumMemberName("none")] None,
    /// <summary>Less than normal.</summary>
    [JsonStringEnumMemberName("small")] Small,
    /// <summary>The host's normal spacing.</summary>
    [JsonStringEnumMemberName("default")] Default,
    /// <summary>More than normal.</summary>
    [JsonStringEnumMemberName("medium")] Medium,
    /// <summary>Much more than normal.</summary>
    [JsonStringEnumMemberName("large")] Large,
    /// <summary>The most spacing.</summary>
    [JsonStringEnumMemberName("extraLarge")] ExtraLarge,
    /// <summary>The same as the card's padding.</summary>
    [JsonStringEnumMemberName("padding")] Padding,
}

/// <summary>Horizontal placement of an element.</summary>
[JsonConverter(typeof(CardEnumConverter<HorizontalAlignment>))]
public enum HorizontalAlignment
{
    /// <summary>Start of the line.</summary>
    [JsonStringEnumMemberName("left")] Left,
    /// <summary>Centred.</summary>
    [JsonStringEnumMemberName("center")] Center,
    /// <summary>End of the line.</summary>
    [JsonStringEnumMemberName("right")] Right,
}

/// <summary>Background style of a container or column.</summary>
[JsonConverter(typeof(CardEnumConverter<ContainerStyle>))]
public enum ContainerStyle
{
    /// <summary>No background.</summary>
    [JsonStringEnumMemberName("default")] Default,
    /// <summary>A subtle background that sets the content apart.</summary>
    [JsonStringEnumMemberName("emphasis")] Emphasis,
    /// <summary>Success background.</summary>
    [JsonStringEnumMemberName("good")] Good,
    /// <summary>Error background.</summary>
    [JsonStringEnumMemberName("attention")] Attention,
    /// <summary>Caution background.</summary>
    [JsonStringEnumMemberName("warning")] Warning,
    /// <summary>Accent background.</summary>
    [JsonStringEnumMemberName("accent")] Accent,
}

/// <summary>How a button is drawn.</summary>
[JsonConverter(typeof(CardEnumConverter<ActionStyle>))]
public enum ActionStyle
{
    /// <summary>A normal button.</summary>
    [JsonStringEnumMemberName("default")] Default,
    /// <summary>The primary, affirmative button.</summary>
    [JsonStringEnumMemberName("positive")] Positive,
    /// <summary>A button that deletes or cancels.</summary>
    [JsonStringEnumMemberName("destructive")] Destructive,
}

/// <summary>How a choice set is drawn.</summary>
[JsonConverter(typeof(CardEnumConverter<ChoiceInputStyle>))]
public enum ChoiceInputStyle
{
    /// <summary>A drop-down list.</summary>
    [JsonStringEnumMemberName("compact")] Compact,
    /// <summary>Radio buttons or check boxes, all visible.</summary>
    [JsonStringEnumMemberName("expanded")] Expanded,
    /// <summary>A drop-down the user can type into to filter.</summary>
    [JsonStringEnumMemberName("filtered")] Filtered,
}

/// <summary>Size of an image.</summary>
[JsonConverter(typeof(CardEnumConverter<ImageSize>))]
public enum ImageSize
{
    /// <summary>The image's own size, shrunk to fit.</summary>
    [JsonStringEnumMemberName("auto")] Auto,
    /// <summary>Stretched to the available width.</summary>
    [JsonStringEnumMemberName("stretch")] Stretch,
    /// <summary>Small (an icon).</summary>
    [JsonStringEnumMemberName("small")] Small,
    /// <summary>Medium.</summary>
    [JsonStringEnumMemberName("medium")] Medium,
    /// <summary>Large.</summary>
    [JsonStringEnumMemberName("large")] Large,
}

/// <summary>Which inputs an action gathers and validates when clicked.</summary>
[JsonConverter(typeof(CardEnumConverter<AssociatedInputs>))]
public enum AssociatedInputs
{
    /// <summary>The inputs of the card (and its parents), validated first.</summary>
    [JsonStringEnumMemberName("auto")] Auto,
    /// <summary>No inputs and no validation, for Cancel and Back buttons.</summary>
    [JsonStringEnumMemberName("none")] None,
}
