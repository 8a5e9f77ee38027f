using CoachingBot.Teams.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoachingBot.Teams.Connector;

/// <summary>Registers the Bot Connector client.</summary>
public static class ConnectorServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IConnectorClientFactory"/> (a singleton), the <c>BotConnector</c> HTTP client,
    /// <see cref="ConnectorOptions"/> bound from <c>Bot:Connector</c> and checked at start, and
    /// <see cref="TimeProvider.System"/> unless a clock is registered already.
    /// </summary>
    /// <remarks>
    /// It registers no <see cref="IAccessTokenProvider"/>: that is <c>AddBotAuthentication</c>'s. The factory takes the
    /// provider as an optional dependency instead of registering a null fallback with TryAdd, because such a fallback,
    /// added first, would silently win over a provider added later with TryAdd. So the order of the two calls does not
    /// matter, and with no provider at all the calls go without a token (fine for the local emulator, logged as a warning).
    /// </remarks>
    public static IServiceCollection AddBotConnector(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        // Polly's per-attempt timeout governs; HttpClient's own 100 s default would cut across it.
        services.AddHttpClient(ConnectorClientFactory.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddOptions<ConnectorOptions>().BindConfiguration(ConnectorOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConnectorOptions>, ConnectorOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<BotMetrics>();
        services.TryAddSingleton<IConnectorClientFactory, ConnectorClientFactory>();
        return services;
    }
}
