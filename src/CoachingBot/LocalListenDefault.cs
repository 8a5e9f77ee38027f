using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration.Memory;

namespace CoachingBot;

/// <summary>
/// Where the bot listens when nothing says: <c>http://127.0.0.1:3978</c>, the port Bot Framework tools and the Teams
/// emulator expect of a bot on a developer's machine.
/// </summary>
/// <remarks>
/// A default, not a setting. A <c>Urls</c> entry in appsettings.json would outrank <c>ASPNETCORE_URLS</c> (the
/// prefixed variables are read before the JSON files), so a host that names the port through it, as Azure App Service
/// does, would be ignored. A launch profile's applicationUrl is no better: <c>dotnet run</c> lets it replace an
/// <c>ASPNETCORE_URLS</c> the user set. So this applies only when no source names an address at all.
/// </remarks>
internal static class LocalListenDefault
{
    public const string Url = "http://127.0.0.1:3978";

    /// <summary>
    /// True when nothing says where to listen: no <c>urls</c> (<c>ASPNETCORE_URLS</c>, <c>--urls</c>, <c>Urls</c>), no
    /// <c>http_ports</c> or <c>https_ports</c> (<c>ASPNETCORE_HTTP_PORTS</c>, <c>ASPNETCORE_HTTPS_PORTS</c>) and no
    /// <c>Kestrel:Endpoints</c>.
    /// </summary>
    public static bool Applies(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ServerUrlsKey])
            && string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpPortsKey])
            && string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpsPortsKey])
            && !configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
    }

    public static void Apply(IHostApplicationBuilder builder)
    {
        if (Applies(builder.Configuration))
        {
            // Lowest in precedence, so a source added after this one (a test host's own settings) still wins.
            builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
            {
                InitialData = [KeyValuePair.Create(WebHostDefaults.ServerUrlsKey, (string?)Url)],
            });
        }
    }
}
