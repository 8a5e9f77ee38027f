namespace CoachingBot.Teams.Auth;

/// <summary>
/// The bot's identity and the endpoints it trusts, bound from the <c>Bot</c> configuration section.
/// The endpoint defaults are the public Azure cloud; tests and sovereign clouds override them.
/// </summary>
public sealed class BotOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Bot";

    /// <summary>The bot's Entra ID application (client) id. Empty turns authentication off, for local development.</summary>
    public string? AppId { get; set; }

    /// <summary>The app registration's client secret.</summary>
    public string? AppPassword { get; set; }

    /// <summary>Path to a PFX file holding the app's certificate and private key.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Password of the PFX file at <see cref="CertificatePath"/>, if it has one.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Thumbprint of the app's certificate in the CurrentUser/My store.</summary>
    public string? CertificateThumbprint { get; set; }

    /// <summary>The Entra ID tenant (GUID or domain); required for single-tenant bots.</summary>
    public string? TenantId { get; set; }

    /// <summary>How the app registration is set up. Defaults to <see cref="BotAppType.MultiTenant"/>.</summary>
    public BotAppType AppType { get; set; } = BotAppType.MultiTenant;

    /// <summary>Client id of the user-assigned managed identity, for <see cref="BotAppType.UserAssignedMSI"/>.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Where the Bot Framework publishes its OpenID metadata and signing keys.</summary>
    public string BotFrameworkOpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The <c>iss</c> claim of tokens the Bot Framework sends to the bot.</summary>
    public string BotFrameworkIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>The Entra ID login host, for outbound token authorities and single-tenant inbound metadata.</summary>
    public string EntraAuthorityHost { get; set; } = "https://login.microsoftonline.com";

    /// <summary>The scope requested for outbound connector calls.</summary>
    public string OAuthScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>True when no app id is configured: inbound tokens are not checked and outbound calls carry none.</summary>
    public bool AuthDisabled => string.IsNullOrWhiteSpace(AppId);
}
