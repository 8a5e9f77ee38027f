using CoachingBot.Teams.Auth;

namespace CoachingBot.Teams.Tests.Auth;

public sealed class BotOptionsValidatorTests
{
    private const string AppId = "5f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b";
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    [Theory]
    // appId, appType, secret, pfx path, thumbprint, tenant, MSI client id, expected failure (null: valid)
    [InlineData(null, BotAppType.MultiTenant, null, null, null, null, null, null)] // auth off: nothing else needed
    [InlineData("", BotAppType.SingleTenant, null, null, null, Tenant, null, null)]
    [InlineData(AppId, BotAppType.MultiTenant, "s3cret", null, null, null, null, null)]
    [InlineData(AppId, BotAppType.MultiTenant, null, "/certs/bot.pfx", null, null, null, null)]
    [InlineData(AppId, BotAppType.MultiTenant, null, null, "AB12CD34", null, null, null)]
    [InlineData(AppId, BotAppType.SingleTenant, "s3cret", null, null, Tenant, null, null)]
    [InlineData(AppId, BotAppType.SingleTenant, "s3cret", null, null, "contoso.onmicrosoft.com", null, null)]
    [InlineData(AppId, BotAppType.UserAssignedMSI, null, null, null, Tenant, "8d7c6b5a-0000-4000-8000-000000000000", null)]
    [InlineData(AppId, BotAppType.MultiTenant, null, null, null, null, null,
        "Bot:AppPassword, Bot:CertificatePath or Bot:CertificateThumbprint is required when Bot:AppId is set and Bot:AppType is MultiTenant.")]
    [InlineData(AppId, BotAppType.SingleTenant, "  ", null, null, Tenant, null,
        "Bot:AppPassword, Bot:CertificatePath or Bot:CertificateThumbprint is required when Bot:AppId is set and Bot:AppType is SingleTenant.")]
    [InlineData(AppId, BotAppType.SingleTenant, "s3cret", null, null, null, null, "Bot:TenantId is required when Bot:AppType is SingleTenant.")]
    [InlineData(null, BotAppType.SingleTenant, null, null, null, " ", null, "Bot:TenantId is required when Bot:AppType is SingleTenant.")]
    [InlineData(AppId, BotAppType.UserAssignedMSI, null, null, null, Tenant, null, "Bot:ManagedIdentityClientId is required when Bot:AppType is UserAssignedMSI.")]
    [InlineData(AppId, BotAppType.MultiTenant, "s3cret", "/certs/bot.pfx", null, null, null,
        "Set only one of Bot:AppPassword, Bot:CertificatePath and Bot:CertificateThumbprint.")]
    [InlineData(AppId, BotAppType.MultiTenant, null, "/certs/bot.pfx", "AB12CD34", null, null,
        "Set only one of Bot:AppPassword, Bot:CertificatePath and Bot:CertificateThumbprint.")]
    [InlineData(AppId, BotAppType.SingleTenant, "s3cret", null, null, "../evil", null, "Bot:TenantId must be a tenant GUID or domain name.")]
    [InlineData(AppId, BotAppType.SingleTenant, "s3cret", null, null, "tenant/v2.0", null, "Bot:TenantId must be a tenant GUID or domain name.")]
    public void Validate_ReportsTheSettingToFix(
        string? appId, BotAppType appType, string? secret, string? certificatePath, string? thumbprint, string? tenant, string? msiClientId, string? expected)
    {
        var options = new BotOptions
        {
            AppId = appId,
            AppType = appType,
            AppPassword = secret,
            CertificatePath = certificatePath,
            CertificateThumbprint = thumbprint,
            TenantId = tenant,
            ManagedIdentityClientId = msiClientId,
        };

        var result = new BotOptionsValidator().Validate(null, options);

        if (expected is null)
        {
            Assert.True(result.Succeeded, result.FailureMessage);
        }
        else
        {
            Assert.Equal([expected], result.Failures);
        }
    }

    [Theory]
    [InlineData(nameof(BotOptions.BotFrameworkOpenIdMetadataUrl), "/v1/.well-known/openidconfiguration")]
    [InlineData(nameof(BotOptions.BotFrameworkIssuer), "api.botframework.com")]
    [InlineData(nameof(BotOptions.EntraAuthorityHost), "")]
    [InlineData(nameof(BotOptions.EntraAuthorityHost), "ftp://login.microsoftonline.com")]
    [InlineData(nameof(BotOptions.OAuthScope), "api.botframework.com/.default")]
    public void Validate_Fails_WhenEndpointIsNotAbsoluteHttpUrl(string property, string value)
    {
        var options = new BotOptions { AppId = AppId, AppPassword = "s3cret" };
        typeof(BotOptions).GetProperty(property)!.SetValue(options, value);

        var result = new BotOptionsValidator().Validate(null, options);

        Assert.Equal([$"Bot:{property} must be an absolute http(s) URL (was '{value}')."], result.Failures);
    }

    [Fact]
    public void Validate_ListsEveryProblem_WhenSeveralSettingsAreWrong()
    {
        var options = new BotOptions { AppId = AppId, AppType = BotAppType.SingleTenant, OAuthScope = "nope" };

        var result = new BotOptionsValidator().Validate(null, options);

        Assert.Equal(3, result.Failures!.Count());
    }

    [Fact]
    public void Defaults_PointAtThePublicAzureCloud()
    {
        var options = new BotOptions();

        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", options.BotFrameworkOpenIdMetadataUrl);
        Assert.Equal("https://api.botframework.com", options.BotFrameworkIssuer);
        Assert.Equal("https://login.microsoftonline.com", options.EntraAuthorityHost);
        Assert.Equal("https://api.botframework.com/.default", options.OAuthScope);
        Assert.Equal(BotAppType.MultiTenant, options.AppType);
        Assert.True(options.AuthDisabled);
    }
}
