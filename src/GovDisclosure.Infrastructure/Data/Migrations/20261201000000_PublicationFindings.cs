using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovDisclosure.Infrastructure.Data.Migrations;

/// <summary>
/// The warnings shown with a publication are stored with it (rule, cells, numbers, 说明), so the public site no
/// longer runs the rules. jsonb, unlike the snapshot: nothing downloads these bytes, and jsonb can be queried.
/// Null for a revision published before this migration, until `gd db backfill-findings` gives it its own; the
/// append-only trigger therefore admits exactly that one change (Findings from null to a value, every other
/// column as it was) and still refuses every other UPDATE or DELETE.
/// </summary>
[DbContext(typeof(GovDisclosureDbContext))]
[Migration("20261201000000_PublicationFindings")]
public sealed class PublicationFindings : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            ALTER TABLE publications ADD COLUMN "Findings" jsonb NULL;

            CREATE FUNCTION gd_refuse_publication_change() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'UPDATE' AND OLD."Findings" IS NULL AND NEW."Findings" IS NOT NULL
                   AND (to_jsonb(NEW) - 'Findings' - 'InterchangeJson') = (to_jsonb(OLD) - 'Findings' - 'InterchangeJson')
                   AND NEW."InterchangeJson"::text = OLD."InterchangeJson"::text THEN
                    RETURN NEW;
                END IF;

                RAISE EXCEPTION '% 只能追加，不能修改或删除（%）', TG_TABLE_NAME, TG_OP
                    USING ERRCODE = 'restrict_violation';
            END
            $$;

            DROP TRIGGER publications_immutable ON publications;
            CREATE TRIGGER publications_immutable BEFORE UPDATE OR DELETE ON publications
                FOR EACH ROW EXECUTE FUNCTION gd_refuse_publication_change();
            """);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            DROP TRIGGER publications_immutable ON publications;
            CREATE TRIGGER publications_immutable BEFORE UPDATE OR DELETE ON publications
                FOR EACH ROW EXECUTE FUNCTION gd_refuse_history_change();
            DROP FUNCTION gd_refuse_publication_change();
            ALTER TABLE publications DROP COLUMN "Findings";
            """);
}
