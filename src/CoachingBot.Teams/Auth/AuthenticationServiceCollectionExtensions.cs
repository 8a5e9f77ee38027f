using CoachingBot.Teams.Connector;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoachingBot.Teams.Auth;

/// <summary>Registers inbound token validation and outbound connector tokens.</summary>
public static class AuthenticationServiceCollectionExtensions
{
    private static readonly TimeSpan MetadataFetchTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Binds <see cref="BotOptions"/> from the <c>Bot</c> section (validated at start) and registers
    /// <see cref="IRequestAuthenticator"/> and an <see cref="IAccessTokenProvider"/> chosen by <c>Bot:AppType</c>:
    /// none when <c>Bot:AppId</c> is empty, a managed identity for <c>UserAssignedMSI</c>, MSAL otherwise.
    /// </summary>
    public static IServiceCollection AddBotAuthentication(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddOptions<BotOptions>().BindConfiguration(BotOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotOptions>, BotOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(BotFrameworkAuthenticator.HttpClientName, client => client.Timeout = MetadataFetchTimeout);

        services.TryAddSingleton<IRequestAuthenticator, BotFrameworkAuthenticator>();
        services.TryAddSingleton(CreateAccessTokenProvider);
        return services;
    }

    private static IAccessTokenProvider CreateAccessTokenProvider(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<BotOptions>>().Value;
        if (options.AuthDisabled)
        {
            return new NoAuthTokenProvider();
        }

        return options.AppType == BotAppType.UserAssignedMSI
            ? ActivatorUtilities.CreateInstance<ManagedIdentityTokenProvider>(services)
            : ActivatorUtilities.CreateInstance<MsalTokenProvider>(services);
    }
}
