using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoachingBot.Storage.PostgreSql.Migrations
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
                type: "text",
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
