using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovDisclosure.Infrastructure.Data.Migrations;

/// <summary>
/// The days from which an agency reports and on which it stopped (<see cref="Domain.Agencies.Agency.ReportsFor"/>), so
/// the on-time board judges an agency only for the years it existed in. Null for both keeps every existing agency
/// reporting for every year, as before.
/// </summary>
[DbContext(typeof(GovDisclosureDbContext))]
[Migration("20261201110000_AgencyReportingDates")]
public sealed class AgencyReportingDates : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            ALTER TABLE agencies ADD COLUMN "ReportsFrom" date;
            ALTER TABLE agencies ADD COLUMN "ReportsUntil" date;
            ALTER TABLE agencies ADD CONSTRAINT "CK_agencies_reporting_period"
                CHECK ("ReportsUntil" IS NULL OR "ReportsFrom" IS NULL OR "ReportsUntil" >= "ReportsFrom");
            """);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            ALTER TABLE agencies DROP CONSTRAINT IF EXISTS "CK_agencies_reporting_period";
            ALTER TABLE agencies DROP COLUMN IF EXISTS "ReportsUntil";
            ALTER TABLE agencies DROP COLUMN IF EXISTS "ReportsFrom";
            """);
}
