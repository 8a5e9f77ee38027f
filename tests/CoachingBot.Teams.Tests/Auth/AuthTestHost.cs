using CoachingBot.Teams.Auth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoachingBot.Teams.Tests.Auth;

/// <summary>Builds the services the way the app does, from a "Bot" configuration section and a fake clock.</summary>
internal static class AuthTestHost
{
    public static ServiceProvider Build(IReadOnlyDictionary<string, string?> botSettings, TimeProvider clock)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(botSettings.Select(s => KeyValuePair.Create($"Bot:{s.Key}", s.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton(clock);
        services.AddBotAuthentication();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
