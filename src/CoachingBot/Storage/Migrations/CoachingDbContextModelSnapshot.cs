using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CoachingBot.Storage.Migrations;

// Hand-written: the model as the migrations leave it. EF compares it with the live model at migration time
// (PendingModelChangesWarning) and the storage tests compare them too, so a model change without a migration
// fails loudly. Property types are the stored ones (timestamps as long), and column types are left to the provider.
[DbContext(typeof(CoachingDbContext))]
internal sealed class CoachingDbContextModelSnapshot : ModelSnapshot
{
    protected override void BuildModel(ModelBuilder modelBuilder)
    {
        modelBuilder.HasAnnotation("ProductVersion", "10.0.14");

        modelBuilder.Entity("CoachingBot.Storage.ActionItemRecord", b =>
        {
            b.Property<Guid>("Id");
            b.Property<DateOnly>("ByWhen");
            b.Property<int>("Confidence");
            b.Property<Guid>("ConversationId");
            b.Property<long>("CreatedAt");
            b.Property<string>("OwnerUserId").IsRequired();
            b.Property<string>("Status").IsRequired().HasMaxLength(32);
            b.Property<string>("Support").HasMaxLength(300);
            b.Property<long>("UpdatedAt");
            b.Property<string>("What").IsRequired().HasMaxLength(300);

            b.HasKey("Id");
            b.HasIndex("ConversationId");
            b.HasIndex("OwnerUserId", "Status", "ByWhen");
            b.ToTable("action_items");
        });

        modelBuilder.Entity("CoachingBot.Storage.CoachingConversationRecord", b =>
        {
            b.Property<Guid>("Id");
            b.Property<string>("AnswersJson").IsRequired();
            b.Property<string>("ChatId").IsRequired();
            b.Property<long?>("CompletedAt");
            b.Property<string>("ContractCheck");
            b.Property<string>("FirstComment");
            b.Property<string>("FirstRatingsJson").IsRequired();
            b.Property<DateOnly?>("FollowUpOn");
            b.Property<string>("GoalJson");
            b.Property<string>("ModelId").IsRequired();
            b.Property<string>("OptionsJson").IsRequired();
            b.Property<string>("OwnerName");
            b.Property<string>("OwnerUserId").IsRequired();
            b.Property<string>("PresentingNeed");
            b.Property<long>("StartedAt");
            b.Property<string>("Status").IsRequired().HasMaxLength(32);
            b.Property<string>("TimeAvailable");
            b.Property<long>("UpdatedAt");

            b.HasKey("Id");
            b.HasIndex("Status", "UpdatedAt");
            b.HasIndex("OwnerUserId", "ChatId", "Status", "UpdatedAt");
            b.ToTable("coaching_conversations");
        });

        modelBuilder.Entity("CoachingBot.Storage.ConversationRecord", b =>
        {
            b.Property<string>("ConversationId");
            b.Property<string>("BotId");
            b.Property<string>("BotName");
            b.Property<string>("ChannelId").IsRequired();
            b.Property<string>("ConversationType");
            b.Property<long>("InstalledAt");
            b.Property<string>("Locale");
            b.Property<string>("ReferenceJson").IsRequired();
            b.Property<long?>("RemovedAt");
            b.Property<string>("ServiceUrl").IsRequired();
            b.Property<string>("TenantId");
            b.Property<string>("TimeZone");
            b.Property<long>("UpdatedAt");
            b.Property<string>("UserAadObjectId");
            b.Property<string>("UserId");
            b.Property<string>("UserName");

            b.HasKey("ConversationId");
            b.ToTable("conversations");
        });

        modelBuilder.Entity("CoachingBot.Storage.DialogStateRecord", b =>
        {
            b.Property<string>("Key").HasMaxLength(512);
            b.Property<string>("ETag").IsConcurrencyToken().IsRequired().HasMaxLength(64);
            b.Property<string>("Json").IsRequired();
            b.Property<long>("UpdatedAt");

            b.HasKey("Key");
            b.ToTable("dialog_states");
        });

        modelBuilder.Entity("CoachingBot.Storage.ProcessedActivityRecord", b =>
        {
            b.Property<string>("Key");
            b.Property<long>("SeenAt");

            b.HasKey("Key");
            b.HasIndex("SeenAt");
            b.ToTable("processed_activities");
        });

        modelBuilder.Entity("CoachingBot.Storage.ActionItemRecord", b =>
        {
            b.HasOne("CoachingBot.Storage.CoachingConversationRecord", null)
                .WithMany()
                .HasForeignKey("ConversationId")
                .OnDelete(DeleteBehavior.Cascade)
                .IsRequired();
        });
    }
}
