using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CoachingBot.Teams.Hosting;

/// <summary>Registration of the messaging endpoint's services.</summary>
public static class HostingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the turn pipeline, the per-conversation serializer, the turn tracker, turn recovery and the loopback
    /// guard, and the turn spans and metrics (<see cref="BotTelemetry"/>). An <see cref="ITurnJournal"/> registered before this call is kept; otherwise an in-memory one is used,
    /// which loses accepted turns with the process.
    /// </summary>
    public static IServiceCollection AddBotHosting(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<BotHostingOptions>().BindConfiguration("Bot:Hosting");
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ITurnJournal, InMemoryTurnJournal>();
        services.AddMetrics();
        services.TryAddSingleton<BotMetrics>();
        services.TryAddSingleton<ConversationSerializer>();
        services.TryAddSingleton<TurnPipeline>();
        services.TryAddSingleton<TurnTracker>();
        services.AddHostedService(provider => provider.GetRequiredService<TurnTracker>());
        services.AddHostedService<TurnRecovery>();
        services.AddHostedService<LoopbackGuard>();
        return services;
    }
}
