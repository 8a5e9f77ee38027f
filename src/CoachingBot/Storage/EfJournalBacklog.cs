using CoachingBot.Teams.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CoachingBot.Storage;

/// <summary>The journal's backlog for the inbox and outbox gauges: four indexed reads (unfinished turns, unsent replies).</summary>
internal sealed class EfJournalBacklog(IDbContextFactory<CoachingDbContext> contexts) : ITurnJournalBacklog
{
    public async Task<JournalBacklog> ReadAsync(CancellationToken cancellationToken = default)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var turns = db.Inbox.AsNoTracking().Where(r => r.FinishedAt == null && !r.Inline);
            var replies = db.Outbox.AsNoTracking().Where(o => o.SettledAt == null);
            return new JournalBacklog(
                await turns.CountAsync(cancellationToken).ConfigureAwait(false),
                await turns.OrderBy(r => r.ReceivedAt).Select(r => (DateTimeOffset?)r.ReceivedAt).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false),
                await replies.CountAsync(cancellationToken).ConfigureAwait(false),
                await replies.OrderBy(o => o.TurnReceivedAt).Select(o => (DateTimeOffset?)o.TurnReceivedAt).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false));
        }
    }
}
