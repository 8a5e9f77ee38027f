using Microsoft.EntityFrameworkCore;

namespace CoachingBot.Storage;

/// <summary>
/// The bot's database, the same model on every provider. Each provider has a subclass of its own
/// (<see cref="Sqlite.SqliteCoachingDbContext"/>, <see cref="PostgreSql.PostgreSqlCoachingDbContext"/>) only so that EF
/// finds that provider's migrations and snapshot: a change to the model needs a migration for each, which
/// <c>eng/add-migration.sh</c> generates; the storage tests fail until both agree with the model.
/// </summary>
internal abstract class CoachingDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<DialogStateRecord> DialogStates => Set<DialogStateRecord>();
    public DbSet<ConversationRecord> Conversations => Set<ConversationRecord>();
    public DbSet<ProcessedActivityRecord> ProcessedActivities => Set<ProcessedActivityRecord>();
    public DbSet<CoachingConversationRecord> CoachingConversations => Set<CoachingConversationRecord>();
    public DbSet<ActionItemRecord> ActionItems => Set<ActionItemRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        // DateOnly needs no converter: SQLite keeps it as ISO "yyyy-MM-dd" text, which sorts and compares in date
        // order (so ORDER BY and ranges translate to SQL) and reads well in the file; PostgreSQL maps it to date.
        // Enums are stored by name: readable, and reordering or inserting members cannot change stored values.
        configurationBuilder.Properties<Sessions.ConversationStatus>().HaveConversion<string>();
        configurationBuilder.Properties<Sessions.ActionStatus>().HaveConversion<string>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DialogStateRecord>(entity =>
        {
            entity.ToTable("dialog_states");
            entity.HasKey(r => r.Key);
            entity.Property(r => r.Key).HasMaxLength(DialogStateRecord.MaxKeyLength);
            entity.Property(r => r.ETag).HasMaxLength(DialogStateRecord.MaxETagLength).IsConcurrencyToken();
        });

        modelBuilder.Entity<ConversationRecord>(entity =>
        {
            entity.ToTable("conversations");
            entity.HasKey(r => r.ConversationId);
        });

        modelBuilder.Entity<ProcessedActivityRecord>(entity =>
        {
            entity.ToTable("processed_activities");
            entity.HasKey(r => r.Key);
            // Pruning deletes by age.
            entity.HasIndex(r => r.SeenAt);
        });

        modelBuilder.Entity<CoachingConversationRecord>(entity =>
        {
            entity.ToTable("coaching_conversations");
            entity.HasKey(r => r.Id);
            // Ids come from the domain record: EF must never make one up for an empty Guid.
            entity.Property(r => r.Id).ValueGeneratedNever();
            entity.Property(r => r.Status).HasMaxLength(CoachingConversationRecord.MaxStatusLength);
            // FindUnfinishedAsync: equality on the first three, newest UpdatedAt from the index's end.
            entity.HasIndex(r => new { r.OwnerUserId, r.ChatId, r.Status, r.UpdatedAt });
            // MarkIdleAsDraftsAsync: Active ones older than a cutoff.
            entity.HasIndex(r => new { r.Status, r.UpdatedAt });
        });

        modelBuilder.Entity<ActionItemRecord>(entity =>
        {
            entity.ToTable("action_items");
            entity.HasKey(r => r.Id);
            entity.Property(r => r.Id).ValueGeneratedNever();
            entity.Property(r => r.What).HasMaxLength(ActionItemRecord.MaxWhatLength);
            entity.Property(r => r.Support).HasMaxLength(ActionItemRecord.MaxSupportLength);
            entity.Property(r => r.Status).HasMaxLength(ActionItemRecord.MaxStatusLength);
            // The database deletes a conversation's actions with it, whoever deletes the conversation.
            entity.HasOne<CoachingConversationRecord>()
                .WithMany()
                .HasForeignKey(r => r.ConversationId)
                .OnDelete(DeleteBehavior.Cascade);
            // ListOpenAsync: one owner, two statuses, soonest first.
            entity.HasIndex(r => new { r.OwnerUserId, r.Status, r.ByWhen });
        });
    }
}
