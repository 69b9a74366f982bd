using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovDisclosure.Infrastructure.Data.Migrations;

/// <summary>
/// Every new publication row sends NOTIFY gd_publication with its report id, from inside the inserting
/// transaction: PostgreSQL delivers it to every listening instance on commit and never on rollback, whichever
/// code path published (the review page, the archive import, gd). See docs/decisions/0008.
/// </summary>
[DbContext(typeof(GovDisclosureDbContext))]
[Migration("20261201150100_PublicationNotify")]
public sealed class PublicationNotify : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            CREATE FUNCTION gd_publications_notify() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('gd_publication', NEW."ReportId"::text);
                RETURN NULL;
            END $$;
            CREATE TRIGGER publications_notify AFTER INSERT ON publications
                FOR EACH ROW EXECUTE FUNCTION gd_publications_notify();
            """);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            DROP TRIGGER IF EXISTS publications_notify ON publications;
            DROP FUNCTION IF EXISTS gd_publications_notify();
            """);
}
