using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovDisclosure.Infrastructure.Data.Migrations;

/// <summary>
/// The warnings shown with a publication are stored with it (rule, cells, numbers, 说明), so the public site no
/// longer runs the rules. jsonb, unlike the snapshot: nothing downloads these bytes, and jsonb can be queried.
/// Null until a revision published before this migration is given its findings by `gd db backfill-findings`.
/// </summary>
[DbContext(typeof(GovDisclosureDbContext))]
[Migration("20261201000000_PublicationFindings")]
public sealed class PublicationFindings : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""ALTER TABLE publications ADD COLUMN "Findings" jsonb NULL;""");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""ALTER TABLE publications DROP COLUMN "Findings";""");
}
