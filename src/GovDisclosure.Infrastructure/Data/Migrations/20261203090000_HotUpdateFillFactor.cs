using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovDisclosure.Infrastructure.Data.Migrations;

/// <summary>
/// Half-full pages for the rows every publication updates in place: the region rollup (hundreds of rows a
/// publication) and the 雷同 document frequencies (about a thousand). At the default fillfactor of 100 a page has no
/// room for the new version, so 96 % of the rollup's updates wrote a new index entry as well; at 50 they stay on the
/// page (HOT). Existing pages keep their layout until the next rewrite (VACUUM FULL); new and emptied pages follow it.
/// </summary>
[DbContext(typeof(GovDisclosureDbContext))]
[Migration("20261203090000_HotUpdateFillFactor")]
public sealed class HotUpdateFillFactor : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            ALTER TABLE region_cell_totals SET (fillfactor = 50);
            ALTER TABLE region_report_counts SET (fillfactor = 50);
            ALTER TABLE similarity_shingles SET (fillfactor = 50);
            """);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            ALTER TABLE region_cell_totals RESET (fillfactor);
            ALTER TABLE region_report_counts RESET (fillfactor);
            ALTER TABLE similarity_shingles RESET (fillfactor);
            """);
}
