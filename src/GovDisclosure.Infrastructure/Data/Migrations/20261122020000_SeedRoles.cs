using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovDisclosure.Infrastructure.Data.Migrations;

/// <summary>
/// The three roles exist in every database, so neither `gd user add`, the demo nor the admin pages have to
/// create them first. Their ids equal their names (<see cref="Identity.Roles"/>), which keeps this insert stable.
/// </summary>
[DbContext(typeof(GovDisclosureDbContext))]
[Migration("20261122020000_SeedRoles")]
public sealed class SeedRoles : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            INSERT INTO "AspNetRoles" ("Id", "Name", "NormalizedName", "ConcurrencyStamp") VALUES
                ('Filler', 'Filler', 'FILLER', 'b0f1c2a4-0000-4000-8000-000000000001'),
                ('Reviewer', 'Reviewer', 'REVIEWER', 'b0f1c2a4-0000-4000-8000-000000000002'),
                ('Admin', 'Admin', 'ADMIN', 'b0f1c2a4-0000-4000-8000-000000000003')
            ON CONFLICT DO NOTHING;
            """);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""DELETE FROM "AspNetRoles" WHERE "Id" IN ('Filler', 'Reviewer', 'Admin');""");
}
