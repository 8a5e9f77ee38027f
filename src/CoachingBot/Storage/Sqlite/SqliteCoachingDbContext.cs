using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CoachingBot.Storage.Sqlite;

/// <summary>The model on SQLite: its own type, so that EF picks the migrations in Storage/Sqlite/Migrations.</summary>
internal sealed class SqliteCoachingDbContext(DbContextOptions<SqliteCoachingDbContext> options) : CoachingDbContext(options);

/// <summary>For dotnet-ef (eng/add-migration.sh): adding a migration opens no database.</summary>
internal sealed class SqliteDesignTimeContextFactory : IDesignTimeDbContextFactory<SqliteCoachingDbContext>
{
    public SqliteCoachingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCoachingDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
