using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovDisclosure.Infrastructure.Data.Migrations;

/// <summary>
/// The published PDF and an imported report's original file are stored out of line without PostgreSQL's own
/// compression (STORAGE EXTERNAL). Both are compressed already (Flate streams, a .docx is a zip), so pglz ran over
/// every 270 KB PDF only to throw its output away: measured 16 ms of PostgreSQL's CPU per publication, more than any
/// statement of the publication but the rollup. EF's model has no setting for a column's storage, so only the
/// migration says it; values already stored keep their form.
/// </summary>
[DbContext(typeof(GovDisclosureDbContext))]
[Migration("20261203091000_StoreFilesUncompressed")]
public sealed class StoreFilesUncompressed : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            ALTER TABLE publications ALTER COLUMN "Pdf" SET STORAGE EXTERNAL;
            ALTER TABLE historical_sources ALTER COLUMN "Bytes" SET STORAGE EXTERNAL;
            """);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            ALTER TABLE publications ALTER COLUMN "Pdf" SET STORAGE EXTENDED;
            ALTER TABLE historical_sources ALTER COLUMN "Bytes" SET STORAGE EXTENDED;
            """);
}
