using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CoachingBot.Storage.PostgreSql;

/// <summary>The model on PostgreSQL: its own type, so that EF picks the migrations in Storage/PostgreSql/Migrations.</summary>
internal sealed class PostgreSqlCoachingDbContext(DbContextOptions<PostgreSqlCoachingDbContext> options) : CoachingDbContext(options);

/// <summary>For dotnet-ef (eng/add-migration.sh): adding a migration connects to no server.</summary>
internal sealed class PostgreSqlDesignTimeContextFactory : IDesignTimeDbContextFactory<PostgreSqlCoachingDbContext>
{
    public PostgreSqlCoachingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlCoachingDbContext>().UseNpgsql("Host=localhost;Database=coachingbot").Options);
}
