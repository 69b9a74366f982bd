using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovDisclosure.Infrastructure.Data.Migrations;

/// <summary>
/// The (year, agency) index of publications carries the publication time, so the summary's on-time counts find each
/// agency's first publication of a year from the index alone: a publication row is over a kilobyte (findings, search
/// text), and a province's board otherwise reads every one of them.
/// </summary>
[DbContext(typeof(GovDisclosureDbContext))]
[Migration("20261202193000_FirstPublicationIndex")]
public sealed class FirstPublicationIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            DROP INDEX "IX_publications_Year_AgencyId";
            CREATE INDEX "IX_publications_Year_AgencyId" ON publications ("Year", "AgencyId") INCLUDE ("PublishedAt");
            """);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            DROP INDEX "IX_publications_Year_AgencyId";
            CREATE INDEX "IX_publications_Year_AgencyId" ON publications ("Year", "AgencyId");
            """);
}
