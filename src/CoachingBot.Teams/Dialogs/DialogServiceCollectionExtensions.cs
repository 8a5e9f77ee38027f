using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachingBot.Teams.Dialogs;

/// <summary>Registers the dialog engine.</summary>
public static class DialogServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="DialogRunner"/> (scoped), a <see cref="DialogSet"/> (scoped) holding every <see cref="Dialog"/>
    /// registered as a service, <see cref="DialogRunnerOptions"/>, <see cref="TimeProvider.System"/> unless one is
    /// registered, and, unless one is registered, an <see cref="InMemoryDialogStateStore"/>.
    /// Order matters: register the app's durable <see cref="IDialogStateStore"/> BEFORE calling this, or the in-memory
    /// store is used and state is lost on restart. Dialogs may be registered before or after.
    /// </summary>
    public static IServiceCollection AddDialogs(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<DialogRunnerOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDialogStateStore, InMemoryDialogStateStore>();
        services.TryAddScoped(provider => new DialogSet(provider.GetServices<Dialog>()));
        services.TryAddScoped<DialogRunner>();
        return services;
    }
}
