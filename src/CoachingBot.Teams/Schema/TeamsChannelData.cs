namespace CoachingBot.Teams.Schema;

/// <summary>The <c>channelData</c> Teams puts on an activity.</summary>
public sealed class TeamsChannelData : ExtensibleObject
{
    /// <summary>The tenant the conversation belongs to. Required when the bot opens a 1:1 chat.</summary>
    public TenantInfo? Tenant { get; set; }
    /// <summary>The team, for channel conversations.</summary>
    public TeamInfo? Team { get; set; }
    /// <summary>The channel, for channel conversations.</summary>
    public ChannelInfo? Channel { get; set; }
    /// <summary>What a conversationUpdate is about, such as <c>teamMemberAdded</c>.</summary>
    public string? EventType { get; set; }
}

/// <summary>A tenant.</summary>
public sealed class TenantInfo : ExtensibleObject
{
    /// <summary>The tenant id.</summary>
    public string? Id { get; set; }
}

/// <summary>A team.</summary>
public sealed class TeamInfo : ExtensibleObject
{
    /// <summary>The team id.</summary>
    public string? Id { get; set; }
    /// <summary>The team name.</summary>
    public string? Name { get; set; }
    /// <summary>The Entra ID group id.</summary>
    public string? AadGroupId { get; set; }
}

/// <summary>A channel.</summary>
public sealed class ChannelInfo : ExtensibleObject
{
    /// <summary>The channel id.</summary>
    public string? Id { get; set; }
    /// <summary>The channel name.</summary>
    public string? Name { get; set; }
}
