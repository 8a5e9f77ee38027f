using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoachingBot.Storage.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class DurableTurns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "processed_activities");

            migrationBuilder.CreateTable(
                name: "conversation_lanes",
                columns: table => new
                {
                    ConversationId = table.Column<string>(type: "text", nullable: false),
                    Owner = table.Column<string>(type: "text", nullable: false),
                    ExpiresAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conversation_lanes", x => x.ConversationId);
                });

            migrationBuilder.CreateTable(
                name: "turn_inbox",
                columns: table => new
                {
                    Key = table.Column<string>(type: "text", nullable: false),
                    ConversationId = table.Column<string>(type: "text", nullable: false),
                    ActivityType = table.Column<string>(type: "text", nullable: true),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    ReceivedAt = table.Column<long>(type: "bigint", nullable: false),
                    Inline = table.Column<bool>(type: "boolean", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    FinishedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_turn_inbox", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "turn_outbox",
                columns: table => new
                {
                    TurnKey = table.Column<string>(type: "text", nullable: false),
                    Index = table.Column<int>(type: "integer", nullable: false),
                    ConversationId = table.Column<string>(type: "text", nullable: false),
                    TurnReceivedAt = table.Column<long>(type: "bigint", nullable: false),
                    IsUpdate = table.Column<bool>(type: "boolean", nullable: false),
                    TargetActivityId = table.Column<string>(type: "text", nullable: true),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    SettledAt = table.Column<long>(type: "bigint", nullable: true),
                    Delivered = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_turn_outbox", x => new { x.TurnKey, x.Index });
                });

            migrationBuilder.CreateIndex(
                name: "IX_turn_inbox_ConversationId_FinishedAt_ReceivedAt",
                table: "turn_inbox",
                columns: new[] { "ConversationId", "FinishedAt", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_turn_inbox_FinishedAt",
                table: "turn_inbox",
                column: "FinishedAt");

            migrationBuilder.CreateIndex(
                name: "IX_turn_outbox_ConversationId_SettledAt_TurnReceivedAt",
                table: "turn_outbox",
                columns: new[] { "ConversationId", "SettledAt", "TurnReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_turn_outbox_SettledAt",
                table: "turn_outbox",
                column: "SettledAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "conversation_lanes");

            migrationBuilder.DropTable(
                name: "turn_inbox");

            migrationBuilder.DropTable(
                name: "turn_outbox");

            migrationBuilder.CreateTable(
                name: "processed_activities",
                columns: table => new
                {
                    Key = table.Column<string>(type: "text", nullable: false),
                    SeenAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_processed_activities", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_processed_activities_SeenAt",
                table: "processed_activities",
                column: "SeenAt");
        }
    }
}
