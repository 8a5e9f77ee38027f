using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CoachingBot.Teams.Auth;
using CoachingBot.Teams.Connector;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CoachingBot.Teams.Tests.Connector.Tokens;

public sealed class MsalTokenProviderTests : IDisposable
{
    private const string AppId = "5f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b";
    private readonly string _directory = Directory.CreateTempSubdirectory("coachingbot-auth-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(BotAppType.MultiTenant, null, "https://login.microsoftonline.com", "https://login.microsoftonline.com/botframework.com")]
    [InlineData(BotAppType.MultiTenant, "72f988bf-86f1-41af-91ab-2d7cd011db47", "https://login.microsoftonline.com", "https://login.microsoftonline.com/botframework.com")]
    [InlineData(BotAppType.SingleTenant, "72f988bf-86f1-41af-91ab-2d7cd011db47", "https://login.microsoftonline.com", "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47")]
    [InlineData(BotAppType.SingleTenant, "contoso.onmicrosoft.com", "https://login.microsoftonline.us/", "https://login.microsoftonline.us/contoso.onmicrosoft.com")]
    public void BuildAuthority_UsesBotFrameworkTenantOrOwnTenant_ByAppType(BotAppType appType, string? tenant, string host, string expected)
    {
        var options = new BotOptions { AppId = AppId, AppType = appType, TenantId = tenant, EntraAuthorityHost = host };

        Assert.Equal(expected, MsalTokenProvider.BuildAuthority(options));
    }

    [Theory]
    [InlineData(BotAppType.MultiTenant, "https://login.microsoftonline.com/botframework.com/")]
    [InlineData(BotAppType.SingleTenant, "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/")]
    public void Constructor_GivesMsalTheAuthority_ForTheAppType(BotAppType appType, string expected)
    {
        var provider = Create(new BotOptions { AppId = AppId, AppPassword = "s3cret", AppType = appType, TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47" });

        Assert.Equal(expected, provider.Authority);
    }

    [Fact]
    public void Constructor_LoadsPfxCertificate_WhenPathAndPasswordAreRight()
    {
        var path = WritePfx("right-password");

        var provider = Create(new BotOptions { AppId = AppId, CertificatePath = path, CertificatePassword = "right-password" });

        Assert.NotNull(provider);
    }

    [Theory]
    [InlineData("wrong-password", "Bot:CertificatePassword")]
    [InlineData(null, "Bot:CertificatePassword")]
    public void Constructor_NamesTheSetting_WhenPfxCannotBeOpened(string? password, string expectedKey)
    {
        var path = WritePfx("right-password");

        var error = Assert.Throws<InvalidOperationException>(() => Create(new BotOptions { AppId = AppId, CertificatePath = path, CertificatePassword = password }));

        Assert.Contains(expectedKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NamesTheSetting_WhenPfxFileIsMissing()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            Create(new BotOptions { AppId = AppId, CertificatePath = Path.Combine(_directory, "missing.pfx") }));

        Assert.Contains("Bot:CertificatePath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NamesTheSetting_WhenThumbprintIsNotInTheStore()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            Create(new BotOptions { AppId = AppId, CertificateThumbprint = "00112233445566778899AABBCCDDEEFF00112233" }));

        Assert.Contains("Bot:CertificateThumbprint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoAuthTokenProvider_ReturnsNoToken()
    {
        Assert.Null(await new NoAuthTokenProvider().GetTokenAsync());
    }

    private static MsalTokenProvider Create(BotOptions options) =>
        new(Options.Create(options), TimeProvider.System, NullLogger<MsalTokenProvider>.Instance);

    private string WritePfx(string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=coachingbot-test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var notBefore = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var certificate = request.CreateSelfSigned(notBefore, notBefore.AddYears(50));
        var path = Path.Combine(_directory, "bot.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }
}
