using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovDisclosure.Infrastructure.Data.Migrations;

/// <summary>
/// History is append-only in the database too, not only in the aggregate: a trigger refuses UPDATE, DELETE
/// and TRUNCATE on the audit trail and on published revisions (PDF, hash, snapshot, cells), so neither a bug
/// nor a hand-typed statement can rewrite what was published or who did what. Triggers are not part of the
/// EF model; MigrationsMatchModelTests lists them as migration-only extras.
/// </summary>
[DbContext(typeof(GovDisclosureDbContext))]
[Migration("20261122010000_AuditAppendOnly")]
public sealed class AuditAppendOnly : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(MigrationSql.Load("20261122010000_AuditAppendOnly.sql"));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            DROP TRIGGER IF EXISTS audit_entries_append_only ON audit_entries;
            DROP TRIGGER IF EXISTS audit_entries_no_truncate ON audit_entries;
            DROP TRIGGER IF EXISTS publications_immutable ON publications;
            DROP TRIGGER IF EXISTS publications_no_truncate ON publications;
            DROP TRIGGER IF EXISTS publication_cells_immutable ON publication_cells;
            DROP TRIGGER IF EXISTS publication_cells_no_truncate ON publication_cells;
            DROP FUNCTION IF EXISTS gd_refuse_history_change();
            """);
}
