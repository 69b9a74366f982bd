using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovDisclosure.Infrastructure.Data.Migrations;

/// <summary>
/// Splits each rollup row into shards (decisions/0010): every publication adds to the whole portal's row and to its
/// province's and city's, so with one row per region and cell all concurrent publishers queued on the same row locks
/// until each commit. A publication now adds to the shard of its agency (agency id mod <c>PublicRecordWriter.Shards</c>)
/// and readers sum the shards. Existing rows become shard 0; the default is then dropped, as the model has none.
/// </summary>
[DbContext(typeof(GovDisclosureDbContext))]
[Migration("20261202180000_RollupShards")]
public sealed class RollupShards : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            ALTER TABLE region_cell_totals ADD COLUMN "Shard" smallint NOT NULL DEFAULT 0;
            ALTER TABLE region_cell_totals ALTER COLUMN "Shard" DROP DEFAULT;
            ALTER TABLE region_cell_totals DROP CONSTRAINT "PK_region_cell_totals";
            ALTER TABLE region_cell_totals ADD CONSTRAINT "PK_region_cell_totals" PRIMARY KEY ("RegionId", "Year", "Template", "Code", "Shard");
            ALTER TABLE region_report_counts ADD COLUMN "Shard" smallint NOT NULL DEFAULT 0;
            ALTER TABLE region_report_counts ALTER COLUMN "Shard" DROP DEFAULT;
            ALTER TABLE region_report_counts DROP CONSTRAINT "PK_region_report_counts";
            ALTER TABLE region_report_counts ADD CONSTRAINT "PK_region_report_counts" PRIMARY KEY ("RegionId", "Year", "Template", "Shard");
            """);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            CREATE TEMPORARY TABLE gd_cells AS SELECT "RegionId", "Year", "Template", "Code", sum("Total") AS "Total", sum("Reports")::integer AS "Reports"
              FROM region_cell_totals GROUP BY 1, 2, 3, 4;
            CREATE TEMPORARY TABLE gd_counts AS SELECT "RegionId", "Year", "Template", sum("Reports")::integer AS "Reports"
              FROM region_report_counts GROUP BY 1, 2, 3;
            TRUNCATE region_cell_totals, region_report_counts;
            ALTER TABLE region_cell_totals DROP CONSTRAINT "PK_region_cell_totals";
            ALTER TABLE region_cell_totals DROP COLUMN "Shard";
            ALTER TABLE region_cell_totals ADD CONSTRAINT "PK_region_cell_totals" PRIMARY KEY ("RegionId", "Year", "Template", "Code");
            ALTER TABLE region_report_counts DROP CONSTRAINT "PK_region_report_counts";
            ALTER TABLE region_report_counts DROP COLUMN "Shard";
            ALTER TABLE region_report_counts ADD CONSTRAINT "PK_region_report_counts" PRIMARY KEY ("RegionId", "Year", "Template");
            INSERT INTO region_cell_totals SELECT * FROM gd_cells;
            INSERT INTO region_report_counts SELECT * FROM gd_counts;
            """);
}
