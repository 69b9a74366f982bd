using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovDisclosure.Infrastructure.Data.Migrations;

/// <summary>
/// The published interchange snapshot is stored as json instead of jsonb: jsonb normalises the text (key
/// order, whitespace), so what the public downloads would differ, byte for byte, from what was published.
/// json keeps the text exactly and still validates it and supports the -> operators.
/// </summary>
[DbContext(typeof(GovDisclosureDbContext))]
[Migration("20261122030000_PublicationSnapshotAsJson")]
public sealed class PublicationSnapshotAsJson : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""ALTER TABLE publications ALTER COLUMN "InterchangeJson" TYPE json USING "InterchangeJson"::json;""");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""ALTER TABLE publications ALTER COLUMN "InterchangeJson" TYPE jsonb USING "InterchangeJson"::jsonb;""");
}
