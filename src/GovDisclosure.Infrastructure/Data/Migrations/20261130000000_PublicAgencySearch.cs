using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovDisclosure.Infrastructure.Data.Migrations;

/// <summary>
/// The public search finds agencies by any part of their current name (Chinese has no spaces, so a word index
/// would not do): a trigram GIN index on agencies."Name", beside the one on publications."SearchText".
/// The model declares the same index in Public/PublicSearchConfiguration.
/// </summary>
[DbContext(typeof(GovDisclosureDbContext))]
[Migration("20261130000000_PublicAgencySearch")]
public sealed class PublicAgencySearch : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""CREATE INDEX "IX_agencies_Name" ON agencies USING gin ("Name" gin_trgm_ops);""");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_agencies_Name";""");
}
