using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovDisclosure.Infrastructure.Data.Migrations;

/// <summary>
/// The audit trail keeps whole old and new texts (sections, 说明, titles, role lists), so its value columns become
/// text; and the audit page filters by agency and date, hence the index. Widening a varchar keeps every row.
/// </summary>
[DbContext(typeof(GovDisclosureDbContext))]
[Migration("20261201120000_AuditFullText")]
public sealed class AuditFullText : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            ALTER TABLE audit_entries ALTER COLUMN "OldValue" TYPE text, ALTER COLUMN "NewValue" TYPE text;
            CREATE INDEX "IX_audit_entries_AgencyId_At" ON audit_entries ("AgencyId", "At");
            """);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            DROP INDEX IF EXISTS "IX_audit_entries_AgencyId_At";
            ALTER TABLE audit_entries ALTER COLUMN "OldValue" TYPE character varying(64), ALTER COLUMN "NewValue" TYPE character varying(64);
            """);
}
