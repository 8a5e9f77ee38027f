using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachingBot.Teams.Hosting;

/// <summary>
/// Takes up work that no lane is doing: turns accepted by a process that died before finishing them, replies left
/// unsent, and conversations whose lease expired with its holder. It looks at start and then every
/// <see cref="BotHostingOptions.RecoveryInterval"/>. Every instance runs it; the lane lease decides who does the work.
/// </summary>
internal sealed partial class TurnRecovery(
    ITurnJournal journal,
    TurnPipeline pipeline,
    TimeProvider time,
    IOptions<BotHostingOptions> options,
    ILogger<TurnRecovery> logger,
    BotMetrics? metrics = null,
    ITurnJournalBacklog? backlog = null) : BackgroundService
{
    private const int MaxConversationsPerSweep = 256;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RecoveryInterval, time);
        do
        {
            try
            {
                var conversations = await journal.ConversationsWithWorkAsync(MaxConversationsPerSweep, stoppingToken).ConfigureAwait(false);
                if (conversations.Count > 0)
                {
                    LogRecovering(conversations.Count);
                }

                foreach (var conversationId in conversations)
                {
                    pipeline.Kick(conversationId);
                }

                // The backlog gauges read what this sweep leaves, at its pace: a scrape never costs a query.
                if (backlog is not null && metrics is { BacklogWanted: true })
                {
                    metrics.RecordBacklog(await backlog.ReadAsync(stoppingToken).ConfigureAwait(false), time.GetUtcNow());
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogSweepFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Taking up unfinished work in {Count} conversations")]
    private partial void LogRecovering(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for unfinished turns failed; trying again at the next interval")]
    private partial void LogSweepFailed(Exception exception);
}
