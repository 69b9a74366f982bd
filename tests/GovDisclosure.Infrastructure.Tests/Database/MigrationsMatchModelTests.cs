using GovDisclosure.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GovDisclosure.Infrastructure.Tests.Database;

/// <summary>
/// Migrations are written by hand (docs/decisions/0002), so nothing else notices a property added to the
/// model without a migration. This compares a database built by the migrations with one EF creates from the model.
/// </summary>
public sealed class MigrationsMatchModelTests
{
    /// <summary>What only the migrations create, on purpose: EF's history table, the append-only triggers and the triggers that count publications.</summary>
    private static readonly string[] MigrationOnlyExtras =
    [
        "function gd_refuse_history_change",
        "function gd_refuse_publication_change",
        "trigger audit_entries.audit_entries_append_only",
        "trigger audit_entries.audit_entries_no_truncate",
        "trigger publications.publications_immutable",
        "trigger publications.publications_no_truncate",
        "trigger publication_cells.publication_cells_immutable",
        "trigger publication_cells.publication_cells_no_truncate",
        "function gd_publications_notify",
        "trigger publications.publications_notify",
        "function gd_path_prefixes",
        "function gd_count_first_publication",
        "trigger publications.publications_first_count",
    ];

    [Fact]
    public async Task The_migrated_schema_equals_the_schema_of_the_model()
    {
        var migrated = await TestDatabase.CreateAsync("gd_schema_migrated");
        var model = await TestDatabase.CreateEmptyAsync("gd_schema_model");
        try
        {
            await using (var db = TestDatabase.Context(model))
            {
                Assert.True(await db.Database.EnsureCreatedAsync());
            }

            var fromMigrations = await SchemaSnapshot.ReadAsync(migrated);
            var fromModel = await SchemaSnapshot.ReadAsync(model);

            foreach (var extra in MigrationOnlyExtras)
            {
                Assert.True(fromMigrations.Remove(extra), $"the migrations no longer create {extra}");
            }

            fromMigrations.RemoveWhere(l => l.Contains("__ef_migrations_history", StringComparison.Ordinal));
            Assert.Empty(SchemaSnapshot.Differences(fromMigrations, fromModel));
            Assert.Contains("column reports.Cells jsonb not null", fromModel);
        }
        finally
        {
            await TestDatabase.DropAsync(migrated);
            await TestDatabase.DropAsync(model);
        }
    }

    [Fact]
    public async Task The_comparison_notices_a_property_without_a_migration_and_a_changed_column()
    {
        // A migrated database that lacks a column the model has is what "a property added without a
        // migration" looks like; a widened column is what "a migration that disagrees with the model" looks like.
        var migrated = await TestDatabase.CreateAsync("gd_schema_drift");
        var model = await TestDatabase.CreateEmptyAsync("gd_schema_drift_model");
        try
        {
            await using (var db = TestDatabase.Context(model))
            {
                await db.Database.EnsureCreatedAsync();
            }

            await using (var connection = new NpgsqlConnection(migrated))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("""
                    ALTER TABLE reports DROP COLUMN "CorrectionReason";
                    ALTER TABLE agencies ALTER COLUMN "Name" TYPE character varying(120);
                    """, connection);
                await command.ExecuteNonQueryAsync();
            }

            var differences = SchemaSnapshot.Differences(await SchemaSnapshot.ReadAsync(migrated), await SchemaSnapshot.ReadAsync(model));

            Assert.Contains("only in model: column reports.CorrectionReason character varying(2000) null", differences);
            Assert.Contains("only in model: column agencies.Name character varying(100) not null", differences);
            Assert.Contains("only in migrations: column agencies.Name character varying(120) not null", differences);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await TestDatabase.DropAsync(migrated);
            await TestDatabase.DropAsync(model);
        }
    }
}
