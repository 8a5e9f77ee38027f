namespace CoachingBot.Teams.Schema;

/// <summary>A user or bot in a conversation.</summary>
public class ChannelAccount : ExtensibleObject
{
    /// <summary>The channel's id for the account (in Teams, <c>29:...</c> for users, <c>28:...</c> for bots).</summary>
    public string? Id { get; set; }
    /// <summary>Display name.</summary>
    public string? Name { get; set; }
    /// <summary>The Entra ID (AAD) object id of the user, when the channel knows it.</summary>
    public string? AadObjectId { get; set; }
    /// <summary>"user" or "bot".</summary>
    public string? Role { get; set; }
}

/// <summary>A member as returned by the roster APIs, with the Teams fields.</summary>
public sealed class TeamsChannelAccount : ChannelAccount
{
    /// <summary>Given name.</summary>
    public string? GivenName { get; set; }
    /// <summary>Surname.</summary>
    public string? Surname { get; set; }
    /// <summary>E-mail address.</summary>
    public string? Email { get; set; }
    /// <summary>User principal name.</summary>
    public string? UserPrincipalName { get; set; }
    /// <summary>The tenant the member belongs to.</summary>
    public string? TenantId { get; set; }
    /// <summary>"user", "guest" or "anonymous".</summary>
    public string? UserRole { get; set; }
}

/// <summary>The conversation an activity belongs to.</summary>
public sealed class ConversationAccount : ExtensibleObject
{
    /// <summary>The conversation id. Contains characters such as <c>:</c>; escape it in URLs.</summary>
    public string? Id { get; set; }
    /// <summary>Display name, where there is one.</summary>
    public string? Name { get; set; }
    /// <summary>True for group chats and channels.</summary>
    public bool? IsGroup { get; set; }
    /// <summary>In Teams: "personal", "groupChat" or "channel".</summary>
    public string? ConversationType { get; set; }
    /// <summary>The tenant id, in Teams.</summary>
    public string? TenantId { get; set; }
    /// <summary>Entra ID object id, where present.</summary>
    public string? AadObjectId { get; set; }
    /// <summary>"user" or "bot".</summary>
    public string? Role { get; set; }
}

/// <summary>Teams conversation types.</summary>
public static class ConversationTypes
{
    /// <summary>A one-to-one chat between a user and the bot.</summary>
    public const string Personal = "personal";
    /// <summary>A group chat.</summary>
    public const string GroupChat = "groupChat";
    /// <summary>A channel in a team.</summary>
    public const string Channel = "channel";
}
