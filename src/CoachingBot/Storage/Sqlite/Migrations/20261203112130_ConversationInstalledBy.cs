using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoachingBot.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ConversationInstalledBy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "InstalledBy",
                table: "conversations",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "InstalledBy",
                table: "conversations");
        }
    }
}
