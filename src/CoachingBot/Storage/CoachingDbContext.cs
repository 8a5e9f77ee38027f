using Microsoft.EntityFrameworkCore;

namespace CoachingBot.Storage;

/// <summary>
/// The bot's database. Every change to the model needs a hand-written migration in <c>Migrations/</c> and the
/// same change in <c>CoachingDbContextModelSnapshot</c>; the storage tests fail until both agree.
/// </summary>
internal sealed class CoachingDbContext(DbContextOptions<CoachingDbContext> options) : DbContext(options)
{
    public DbSet<DialogStateRecord> DialogStates => Set<DialogStateRecord>();
    public DbSet<ConversationRecord> Conversations => Set<ConversationRecord>();
    public DbSet<ProcessedActivityRecord> ProcessedActivities => Set<ProcessedActivityRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
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
    }
}
