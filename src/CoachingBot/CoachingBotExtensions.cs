using CoachingBot.Care;
using CoachingBot.Chat;
using CoachingBot.Operations;
using CoachingBot.Scheduling;
using CoachingBot.Sessions;
using CoachingBot.Storage;
using CoachingBot.Teams.Auth;
using CoachingBot.Teams.Connector;
using CoachingBot.Teams.Dialogs;
using CoachingBot.Teams.Hosting;

namespace CoachingBot;

public static class CoachingBotExtensions
{
    /// <summary>Registers the coaching bot: storage, the Bot Connector protocol layer, dialogs and the turn handler.</summary>
    public static IHostApplicationBuilder AddCoachingBot(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        LocalListenDefault.Apply(builder);

        // Storage first: its dialog-state store and turn journal must win over the in-memory fallbacks below.
        builder.AddCoachingStorage();
        var services = builder.Services;
        builder.AddCoachingScheduler();
        services.AddRecurringJob<TurnJournalPruner>(TurnJournalPruner.JobName, TurnJournalPruner.Interval);
        services.AddRecurringJob<IdleConversationSweeper>(IdleConversationSweeper.JobName, IdleConversationSweeper.Interval);

        services.AddBotAuthentication();
        services.AddBotConnector();
        services.AddDialogs();
        services.AddBotHosting();

        services.AddCoachingSessions();
        services.AddCare();
        services.AddScoped<IBot, CoachingTurnHandler>();
        builder.AddCoachingOperations();
        return builder;
    }

    /// <summary>Maps the messaging endpoint Teams posts to, a liveness probe and a readiness probe.</summary>
    public static WebApplication MapCoachingBot(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapBotMessages();
        app.MapGet("/", () => Results.Text("CoachingBot is running. Teams delivers messages to POST /api/messages.\n"));
        app.MapGet(OperationsExtensions.LivenessPath, () => Results.Ok(new { status = "ok" }));
        app.MapReadiness();
        return app;
    }
}
