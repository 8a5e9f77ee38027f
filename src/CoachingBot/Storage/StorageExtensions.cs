using CoachingBot.Operations;
using CoachingBot.Sessions;
using CoachingBot.Storage.PostgreSql;
using CoachingBot.Storage.Sqlite;
using CoachingBot.Teams.Dialogs;
using CoachingBot.Teams.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoachingBot.Storage;

public static class StorageExtensions
{
    /// <summary>
    /// The database, its migration at start, and the stores: <see cref="IDialogStateStore"/>,
    /// <see cref="IConversationStore"/>, <see cref="ITurnJournal"/>, <see cref="ICoachingConversationStore"/>,
    /// <see cref="IActionStore"/>. Call it before the dialogs register
    /// their in-memory fallback store, so that this one wins.
    /// </summary>
    public static IHostApplicationBuilder AddCoachingStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton(provider => DatabaseLocation.Resolve(
            provider.GetRequiredService<IOptions<StorageOptions>>().Value,
            provider.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddSingleton(provider => StorageProvider.For(provider.GetRequiredService<DatabaseLocation>()));
        // Both context types are registered; only the configured provider's is ever resolved. Pooled: a turn asks for
        // a context several times, and a fresh one each time costs more than the statement it runs.
        services.AddPooledDbContextFactory<SqliteCoachingDbContext>((provider, options) =>
        {
            SqliteStorage.Configure(options, provider.GetRequiredService<DatabaseLocation>());
            options.AddInterceptors(provider.GetRequiredService<DatabaseTimeInterceptor>());
        });
        services.AddPooledDbContextFactory<PostgreSqlCoachingDbContext>((provider, options) =>
        {
            PostgreSqlStorage.Configure(options, provider.GetRequiredService<DatabaseLocation>());
            options.AddInterceptors(provider.GetRequiredService<DatabaseTimeInterceptor>());
        });
        services.AddSingleton(provider => provider.GetRequiredService<StorageProvider>().ContextFactory(provider));

        services.AddSingleton<IDialogStateStore, EfDialogStateStore>();
        services.AddSingleton<IConversationStore, EfConversationStore>();
        services.AddSingleton<ITurnJournal, EfTurnJournal>();
        services.AddSingleton<ITurnJournalBacklog, EfJournalBacklog>();
        services.TryAddSingleton<AppMetrics>();
        services.TryAddSingleton<DatabaseTimeInterceptor>();
        services.AddSingleton<ICoachingConversationStore, EfCoachingConversationStore>();
        services.AddSingleton<IActionStore, EfActionStore>();

        // First among hosted services, so that even another service's StartingAsync finds the schema in place.
        services.AddSingleton<CoachingDatabaseMigrator>();
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(provider => provider.GetRequiredService<CoachingDatabaseMigrator>()));

        return builder;
    }
}
