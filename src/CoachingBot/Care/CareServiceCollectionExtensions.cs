using CoachingBot.Teams.Dialogs;
using Microsoft.Extensions.Options;

namespace CoachingBot.Care;

public static class CareServiceCollectionExtensions
{
    /// <summary>Registers the care check that runs before every message is routed, its options and its pause.</summary>
    public static IServiceCollection AddCare(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<CareOptions>().BindConfiguration(CareOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CareOptions>, CareOptionsValidator>();
        services.AddSingleton<CareDetector>();
        services.AddSingleton<CareReply>();
        services.AddSingleton(provider => new CareResponder(
            provider.GetRequiredService<CareDetector>(),
            provider.GetRequiredService<CareReply>(),
            provider.GetRequiredService<ILogger<CareResponder>>()));
        services.AddSingleton<Dialog, CarePauseDialog>();
        return services;
    }
}
