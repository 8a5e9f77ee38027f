using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoachingBot.Teams.Schema;

/// <summary>Metadata attached to an activity: a mention, client info, and others, told apart by <see cref="Type"/>.</summary>
/// <remarks>
/// A <see cref="Mention"/> or <see cref="ClientInfo"/> in a list of entities is written with all its fields. Reading gives
/// plain entities (their fields kept as additional properties); use <see cref="As{T}"/> to read one as its type.
/// </remarks>
[JsonDerivedType(typeof(Mention))]
[JsonDerivedType(typeof(ClientInfo))]
public class Entity : ExtensibleObject
{
    /// <summary>The entity type, such as <c>mention</c> or <c>clientInfo</c>.</summary>
    public string? Type { get; set; }

    /// <summary>Reads this entity as a typed entity, keeping all its fields.</summary>
    public T? As<T>() where T : Entity => JsonSerializer.Deserialize<T>(JsonSerializer.SerializeToElement(this, BotJson.Options), BotJson.Options);
}

/// <summary>An at-mention of an account inside the message text.</summary>
public sealed class Mention : Entity
{
    /// <summary>The entity type value.</summary>
    public const string EntityType = "mention";

    /// <summary>Who is mentioned.</summary>
    public ChannelAccount? Mentioned { get; set; }
    /// <summary>The markup in the text, such as <c>&lt;at&gt;CoachingBot&lt;/at&gt;</c>.</summary>
    public string? Text { get; set; }
}

/// <summary>What the user's client reports about itself.</summary>
public sealed class ClientInfo : Entity
{
    /// <summary>The entity type value.</summary>
    public const string EntityType = "clientInfo";

    /// <summary>The client's locale.</summary>
    public string? Locale { get; set; }
    /// <summary>The client's country.</summary>
    public string? Country { get; set; }
    /// <summary>"Windows", "Mac", "Web", "iOS", "Android".</summary>
    public string? Platform { get; set; }
    /// <summary>The user's IANA time zone, such as <c>Europe/London</c>. May be missing or stale.</summary>
    public string? Timezone { get; set; }
}
