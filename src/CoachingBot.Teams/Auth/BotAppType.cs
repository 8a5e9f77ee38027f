namespace CoachingBot.Teams.Auth;

/// <summary>How the bot's Entra ID app registration is set up; decides where outbound tokens come from.</summary>
public enum BotAppType
{
    /// <summary>Multi-tenant app: client credentials against the <c>botframework.com</c> tenant.</summary>
    MultiTenant,

    /// <summary>Single-tenant app: client credentials against the bot's own tenant, which also issues inbound tokens.</summary>
    SingleTenant,

    /// <summary>A user-assigned managed identity: no secret or certificate, tokens from the Azure host.</summary>
    UserAssignedMSI,
}
