using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovDisclosure.Infrastructure.Data.Migrations;

/// <summary>
/// The cells an imported historical report's source had but the importer could not read, kept apart from blank
/// ones so W_UNCHECKED survives a save and a later publication. Existing reports had none recorded: the empty array
/// fills them and the default is then dropped, as the model has none.
/// </summary>
[DbContext(typeof(GovDisclosureDbContext))]
[Migration("20261202140000_UnknownCells")]
public sealed class UnknownCells : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            ALTER TABLE reports ADD COLUMN "UnknownCells" jsonb NOT NULL DEFAULT '[]';
            ALTER TABLE reports ALTER COLUMN "UnknownCells" DROP DEFAULT;
            """);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""ALTER TABLE reports DROP COLUMN "UnknownCells";""");
}
