using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovDisclosure.Infrastructure.Data.Migrations;

/// <summary>
/// The public record (decisions/0010): each report's page as published (its read model, replaced by a published
/// correction) and the region rollup, both written by the publication's transaction. Existing publications get
/// theirs from `gd db backfill-public-record`, which computes what publishing would have written (the derived totals
/// come from the template definitions, which SQL does not know); until then their pages are built on each view.
/// </summary>
[DbContext(typeof(GovDisclosureDbContext))]
[Migration("20261202100000_PublicRecord")]
public sealed class PublicRecord : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            CREATE TABLE public_report_pages (
                "ReportId" integer NOT NULL,
                "PublicationId" integer NOT NULL,
                "AgencyId" integer NOT NULL,
                "Year" integer NOT NULL,
                "Template" character varying(8) NOT NULL,
                "Content" json NOT NULL,
                CONSTRAINT "PK_public_report_pages" PRIMARY KEY ("ReportId"),
                CONSTRAINT "FK_public_report_pages_reports_ReportId" FOREIGN KEY ("ReportId") REFERENCES reports ("Id") ON DELETE RESTRICT,
                CONSTRAINT "FK_public_report_pages_publications_PublicationId" FOREIGN KEY ("PublicationId") REFERENCES publications ("Id") ON DELETE RESTRICT
            );
            CREATE UNIQUE INDEX "IX_public_report_pages_PublicationId" ON public_report_pages ("PublicationId");

            CREATE TABLE region_cell_totals (
                "RegionId" integer NOT NULL,
                "Year" integer NOT NULL,
                "Template" character varying(8) NOT NULL,
                "Code" character varying(48) NOT NULL,
                "Total" numeric(24,4) NOT NULL,
                "Reports" integer NOT NULL,
                CONSTRAINT "PK_region_cell_totals" PRIMARY KEY ("RegionId", "Year", "Template", "Code")
            );

            CREATE TABLE region_report_counts (
                "RegionId" integer NOT NULL,
                "Year" integer NOT NULL,
                "Template" character varying(8) NOT NULL,
                "Reports" integer NOT NULL,
                CONSTRAINT "PK_region_report_counts" PRIMARY KEY ("RegionId", "Year", "Template")
            );
            """);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            DROP TABLE region_report_counts;
            DROP TABLE region_cell_totals;
            DROP TABLE public_report_pages;
            """);
}
