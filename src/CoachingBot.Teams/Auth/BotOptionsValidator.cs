using Microsoft.Extensions.Options;

namespace CoachingBot.Teams.Auth;

/// <summary>Checks <see cref="BotOptions"/> at start, with messages that name the configuration key to fix.</summary>
public sealed class BotOptionsValidator : IValidateOptions<BotOptions>
{
    private const string Prefix = BotOptions.SectionName + ":";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        RequireAbsoluteUrl(failures, nameof(BotOptions.BotFrameworkOpenIdMetadataUrl), options.BotFrameworkOpenIdMetadataUrl);
        RequireAbsoluteUrl(failures, nameof(BotOptions.BotFrameworkIssuer), options.BotFrameworkIssuer);
        RequireAbsoluteUrl(failures, nameof(BotOptions.EntraAuthorityHost), options.EntraAuthorityHost);
        RequireAbsoluteUrl(failures, nameof(BotOptions.OAuthScope), options.OAuthScope);

        if (!string.IsNullOrWhiteSpace(options.TenantId) && !IsTenantName(options.TenantId))
        {
            failures.Add($"{Prefix}TenantId must be a tenant GUID or domain name.");
        }

        if (options.AppType == BotAppType.SingleTenant && string.IsNullOrWhiteSpace(options.TenantId))
        {
            failures.Add($"{Prefix}TenantId is required when {Prefix}AppType is SingleTenant.");
        }

        if (options.AppType == BotAppType.UserAssignedMSI && string.IsNullOrWhiteSpace(options.ManagedIdentityClientId))
        {
            failures.Add($"{Prefix}ManagedIdentityClientId is required when {Prefix}AppType is UserAssignedMSI.");
        }

        if (!string.IsNullOrWhiteSpace(options.CertificatePassword) && string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            failures.Add($"{Prefix}CertificatePassword is set but {Prefix}CertificatePath is not.");
        }

        if (!options.AuthDisabled && options.AppType is BotAppType.MultiTenant or BotAppType.SingleTenant)
        {
            var credentials = CountCredentials(options);
            if (credentials == 0)
            {
                failures.Add($"{Prefix}AppPassword, {Prefix}CertificatePath or {Prefix}CertificateThumbprint is required when {Prefix}AppId is set and {Prefix}AppType is {options.AppType}.");
            }
            else if (credentials > 1)
            {
                // Two credentials would leave it to chance which one is used; make the operator choose.
                failures.Add($"Set only one of {Prefix}AppPassword, {Prefix}CertificatePath and {Prefix}CertificateThumbprint.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static int CountCredentials(BotOptions options) =>
        (string.IsNullOrWhiteSpace(options.AppPassword) ? 0 : 1)
        + (string.IsNullOrWhiteSpace(options.CertificatePath) ? 0 : 1)
        + (string.IsNullOrWhiteSpace(options.CertificateThumbprint) ? 0 : 1);

    private static void RequireAbsoluteUrl(List<string> failures, string key, string? value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{Prefix}{key} must be an absolute http(s) URL (was '{value}').");
        }
    }

    // The tenant goes into URL paths and issuer strings, so only GUIDs and domain names are let through.
    private static bool IsTenantName(string tenantId) =>
        tenantId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.')
        && !tenantId.StartsWith('.')
        && !tenantId.Contains("..", StringComparison.Ordinal);
}
