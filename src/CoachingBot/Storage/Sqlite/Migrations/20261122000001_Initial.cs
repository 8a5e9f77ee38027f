using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CoachingBot.Storage.Sqlite.Migrations;

// Hand-written before dotnet-ef was in our package source, and kept (with its id) so that existing database files
// still upgrade; later migrations are generated (eng/add-migration.sh). Timestamps are long: UTC ticks (see UtcTicksConverter).
[DbContext(typeof(SqliteCoachingDbContext))]
[Migration("20261122000001_Initial")]
internal sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "dialog_states",
            columns: table => new
            {
                Key = table.Column<string>(maxLength: 512, nullable: false),
                Json = table.Column<string>(nullable: false),
                ETag = table.Column<string>(maxLength: 64, nullable: false),
                UpdatedAt = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_dialog_states", x => x.Key));

        migrationBuilder.CreateTable(
            name: "conversations",
            columns: table => new
            {
                ConversationId = table.Column<string>(nullable: false),
                ChannelId = table.Column<string>(nullable: false),
                ServiceUrl = table.Column<string>(nullable: false),
                TenantId = table.Column<string>(nullable: true),
                ConversationType = table.Column<string>(nullable: true),
                BotId = table.Column<string>(nullable: true),
                BotName = table.Column<string>(nullable: true),
                UserId = table.Column<string>(nullable: true),
                UserAadObjectId = table.Column<string>(nullable: true),
                UserName = table.Column<string>(nullable: true),
                Locale = table.Column<string>(nullable: true),
                TimeZone = table.Column<string>(nullable: true),
                InstalledAt = table.Column<long>(nullable: false),
                UpdatedAt = table.Column<long>(nullable: false),
                RemovedAt = table.Column<long>(nullable: true),
                ReferenceJson = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_conversations", x => x.ConversationId));

        migrationBuilder.CreateTable(
            name: "processed_activities",
            columns: table => new
            {
                Key = table.Column<string>(nullable: false),
                SeenAt = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_processed_activities", x => x.Key));

        migrationBuilder.CreateIndex(
            name: "IX_processed_activities_SeenAt",
            table: "processed_activities",
            column: "SeenAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "processed_activities");
        migrationBuilder.DropTable(name: "conversations");
        migrationBuilder.DropTable(name: "dialog_states");
    }
}
