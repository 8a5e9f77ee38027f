using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CoachingBot.Storage.Sqlite.Migrations;

// Hand-written, like Initial. Statuses are their enum names (string), timestamps UTC ticks (long), dates DateOnly
// (ISO text), and the answers, goal, options and ratings JSON text. Only new tables: the rows of the Initial tables are not touched.
[DbContext(typeof(SqliteCoachingDbContext))]
[Migration("20261122000002_CoachingConversations")]
internal sealed class CoachingConversations : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "coaching_conversations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OwnerUserId = table.Column<string>(nullable: false),
                OwnerName = table.Column<string>(nullable: true),
                ChatId = table.Column<string>(nullable: false),
                ModelId = table.Column<string>(nullable: false),
                Status = table.Column<string>(maxLength: 32, nullable: false),
                StartedAt = table.Column<long>(nullable: false),
                UpdatedAt = table.Column<long>(nullable: false),
                CompletedAt = table.Column<long>(nullable: true),
                PresentingNeed = table.Column<string>(nullable: true),
                TimeAvailable = table.Column<string>(nullable: true),
                AnswersJson = table.Column<string>(nullable: false),
                GoalJson = table.Column<string>(nullable: true),
                OptionsJson = table.Column<string>(nullable: false),
                ContractCheck = table.Column<string>(nullable: true),
                FollowUpOn = table.Column<DateOnly>(nullable: true),
                FirstRatingsJson = table.Column<string>(nullable: false),
                FirstComment = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_coaching_conversations", x => x.Id));

        migrationBuilder.CreateTable(
            name: "action_items",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ConversationId = table.Column<Guid>(nullable: false),
                OwnerUserId = table.Column<string>(nullable: false),
                What = table.Column<string>(maxLength: 300, nullable: false),
                ByWhen = table.Column<DateOnly>(nullable: false),
                Support = table.Column<string>(maxLength: 300, nullable: true),
                Confidence = table.Column<int>(nullable: false),
                Status = table.Column<string>(maxLength: 32, nullable: false),
                CreatedAt = table.Column<long>(nullable: false),
                UpdatedAt = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_action_items", x => x.Id);
                table.ForeignKey(
                    name: "FK_action_items_coaching_conversations_ConversationId",
                    column: x => x.ConversationId,
                    principalTable: "coaching_conversations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_coaching_conversations_OwnerUserId_ChatId_Status_UpdatedAt",
            table: "coaching_conversations",
            columns: ["OwnerUserId", "ChatId", "Status", "UpdatedAt"]);

        migrationBuilder.CreateIndex(
            name: "IX_coaching_conversations_Status_UpdatedAt",
            table: "coaching_conversations",
            columns: ["Status", "UpdatedAt"]);

        migrationBuilder.CreateIndex(
            name: "IX_action_items_ConversationId",
            table: "action_items",
            column: "ConversationId");

        migrationBuilder.CreateIndex(
            name: "IX_action_items_OwnerUserId_Status_ByWhen",
            table: "action_items",
            columns: ["OwnerUserId", "Status", "ByWhen"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "action_items");
        migrationBuilder.DropTable(name: "coaching_conversations");
    }
}
