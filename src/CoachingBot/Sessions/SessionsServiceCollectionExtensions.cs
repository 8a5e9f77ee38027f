using CoachingBot.Models;
using CoachingBot.Teams.Dialogs;

namespace CoachingBot.Sessions;

public static class SessionsServiceCollectionExtensions
{
    /// <summary>Registers a conversation dialog per built-in model, the prompts they share, and the actions and history commands.</summary>
    public static IServiceCollection AddCoachingSessions(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        foreach (var model in CoachingModels.All)
        {
            services.AddSingleton<Dialog>(provider => new ModelConversationDialog(
                model,
                provider.GetRequiredService<ICoachingConversationStore>(),
                provider.GetRequiredService<IActionStore>(),
                provider.GetRequiredService<TimeProvider>()));
        }

        services.AddSingleton<Dialog>(provider => new StartConversationDialog(provider.GetRequiredService<ICoachingConversationStore>()));
        services.AddSingleton<Dialog>(provider => new RecapDialog(provider.GetRequiredService<ICoachingConversationStore>(), provider.GetRequiredService<IActionStore>()));
        services.AddSingleton<Dialog, ChooseModelDialog>();
        foreach (var create in SessionPrompts.Factories)
        {
            services.AddSingleton(provider => create(provider.GetRequiredService<TimeProvider>()));
        }

        services.AddSingleton<ActionsCommand>();
        services.AddSingleton<HistoryCommand>();
        return services;
    }
}
