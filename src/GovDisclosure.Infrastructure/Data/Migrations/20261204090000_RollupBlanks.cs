using GovDisclosure.Domain.Templates;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovDisclosure.Infrastructure.Data.Migrations;

/// <summary>
/// The rollup counts each cell's blank reports instead of the reports that show it (decisions/0010, amended): a cell
/// shown as 0 then adds nothing and needs no row, and most cells of a real report are 0, so a publication writes about
/// a tenth of the rows it did. Existing rows become blanks = the region's report count less the reports that showed the
/// cell, for every cell of the template (a cell every report left blank had no row before and gets one now); rows left
/// at 0 and 0 are deleted. The cell codes come from the template definitions, which only ever gain codes.
/// </summary>
[DbContext(typeof(GovDisclosureDbContext))]
[Migration("20261204090000_RollupBlanks")]
public sealed class RollupBlanks : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql($"""
            ALTER TABLE region_cell_totals RENAME COLUMN "Reports" TO "Blanks";
            INSERT INTO region_cell_totals ("RegionId", "Year", "Template", "Code", "Shard", "Total", "Blanks")
            SELECT c."RegionId", c."Year", c."Template", k.code, c."Shard", 0, c."Reports"
              FROM region_report_counts c JOIN ({Codes()}) AS k(template, code) ON k.template = c."Template"
            ON CONFLICT ("RegionId", "Year", "Template", "Code", "Shard") DO UPDATE SET "Blanks" = EXCLUDED."Blanks" - region_cell_totals."Blanks";
            DELETE FROM region_cell_totals WHERE "Total" = 0 AND "Blanks" = 0;
            """);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql($"""
            INSERT INTO region_cell_totals ("RegionId", "Year", "Template", "Code", "Shard", "Total", "Blanks")
            SELECT c."RegionId", c."Year", c."Template", k.code, c."Shard", 0, c."Reports"
              FROM region_report_counts c JOIN ({Codes()}) AS k(template, code) ON k.template = c."Template"
            ON CONFLICT ("RegionId", "Year", "Template", "Code", "Shard") DO UPDATE SET "Blanks" = EXCLUDED."Blanks" - region_cell_totals."Blanks";
            DELETE FROM region_cell_totals WHERE "Total" = 0 AND "Blanks" = 0;
            ALTER TABLE region_cell_totals RENAME COLUMN "Blanks" TO "Reports";
            """);

    /// <summary>Every (template, cell code) pair as a VALUES list.</summary>
    private static string Codes() =>
        "VALUES " + string.Join(", ", ReportTemplates.All.SelectMany(t => t.Cells.Select(c => $"('{Quote(t.Version.Key)}', '{Quote(c.Code)}')")));

    private static string Quote(string value) => value.Replace("'", "''", StringComparison.Ordinal);
}
