using InnerAlly.Data;
using InnerAlly.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnerAlly.Tests.Data;

/// <summary>
/// Each provider keeps its own migrations; a model change without a migration for each of them
/// would leave some databases behind the code. Fix with, for example:
/// dotnet ef migrations add Name --context SqliteAppDbContext --output-dir Data/Migrations/Sqlite
/// </summary>
public sealed class MigrationsTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void Model_has_no_changes_without_a_migration(DatabaseProvider provider)
    {
        using AppDbContext db = provider == DatabaseProvider.Sqlite ? DesignTime.Sqlite() : DesignTime.Postgres();

        Assert.True(db.Database.GetMigrations().Any(), $"{provider} has no migrations at all.");
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The {provider} model has changes that no migration captures. Add a migration for {db.GetType().Name}.");
    }

    [Fact]
    public void The_running_app_model_matches_its_migrations_and_all_are_applied()
    {
        factory.WithDb(db =>
        {
            Assert.False(db.Database.HasPendingModelChanges(), $"The app's {db.GetType().Name} model differs from its migrations.");
            Assert.Empty(db.Database.GetPendingMigrations());
            return true;
        });
    }
}
