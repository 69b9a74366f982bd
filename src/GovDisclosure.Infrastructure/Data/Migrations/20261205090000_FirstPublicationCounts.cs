using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovDisclosure.Infrastructure.Data.Migrations;

/// <summary>
/// The on-time board's counts (decisions/0010, "The board"): per region, year, agency kind and Beijing calendar day,
/// how many agencies made their first publication of the year that day, kept by a trigger on publications in the
/// inserting transaction. The board read every first publication of the year in the whole portal (publications
/// carry no region), 100–200 ms of a province's summary; it now reads a few rows. A trigger rather than
/// <c>PublicRecordWriter</c>, so that every path that inserts a publication (the review page, gd import, the demo,
/// the tests' seeds) counts it, as the NOTIFY trigger does. Existing publications are counted by the same rule:
/// each (agency, year)'s earliest publication, added to the agency, every agency above it (by path prefix, through
/// the path's unique index) and region 0.
/// </summary>
[DbContext(typeof(GovDisclosureDbContext))]
[Migration("20261205090000_FirstPublicationCounts")]
public sealed class FirstPublicationCounts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            CREATE TABLE region_first_publications (
                "RegionId" integer NOT NULL,
                "Year" integer NOT NULL,
                "Kind" character varying(24) NOT NULL,
                "PublishedOn" date NOT NULL,
                "Shard" smallint NOT NULL,
                "Agencies" integer NOT NULL,
                CONSTRAINT "PK_region_first_publications" PRIMARY KEY ("RegionId", "Year", "Kind", "PublishedOn", "Shard")
            ) WITH (fillfactor = 50);

            -- The agency's path and every proper prefix of it that ends at a '/': the paths of the agencies above it.
            CREATE FUNCTION gd_path_prefixes(path text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT AS $$
                SELECT coalesce(array_agg(left(path, n) ORDER BY n), '{}')
                  FROM generate_series(2, length(path)) AS n WHERE substr(path, n, 1) = '/'
            $$;

            CREATE FUNCTION gd_count_first_publication() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                agency_kind text;
                agency_path text;
            BEGIN
                -- Only an agency's first publication of the year counts: a correction, or a later revision, is not one.
                IF EXISTS (SELECT 1 FROM publications p WHERE p."Year" = NEW."Year" AND p."AgencyId" = NEW."AgencyId" AND p."Id" <> NEW."Id") THEN
                    RETURN NULL;
                END IF;
                -- The share lock waits for a move of the agency (or of one above it, which rewrites its path) to commit
                -- and holds such a move off until this commits, so the count lands wholly before or after the move.
                SELECT a."Kind", a."Path" INTO agency_kind, agency_path FROM agencies a WHERE a."Id" = NEW."AgencyId" FOR SHARE;
                -- Regions in ascending order and one shard per agency, as the rollup's writers take their rows.
                INSERT INTO region_first_publications ("RegionId", "Year", "Kind", "PublishedOn", "Shard", "Agencies")
                SELECT r, NEW."Year", agency_kind, ((NEW."PublishedAt" AT TIME ZONE 'UTC') + interval '8 hours')::date, (NEW."AgencyId" % 16)::smallint, 1
                  FROM (SELECT 0 AS r UNION ALL SELECT a."Id" FROM agencies a WHERE a."Path" = ANY (gd_path_prefixes(agency_path))) x
                 ORDER BY r
                ON CONFLICT ("RegionId", "Year", "Kind", "PublishedOn", "Shard") DO UPDATE
                    SET "Agencies" = region_first_publications."Agencies" + 1;
                RETURN NULL;
            END $$;

            CREATE TRIGGER publications_first_count AFTER INSERT ON publications
                FOR EACH ROW EXECUTE FUNCTION gd_count_first_publication();

            INSERT INTO region_first_publications ("RegionId", "Year", "Kind", "PublishedOn", "Shard", "Agencies")
            SELECT x.region, f."Year", a."Kind", ((f.at AT TIME ZONE 'UTC') + interval '8 hours')::date, (f."AgencyId" % 16)::smallint, count(*)::integer
              FROM (SELECT p."AgencyId", p."Year", min(p."PublishedAt") AS at FROM publications p GROUP BY p."AgencyId", p."Year") f
              JOIN agencies a ON a."Id" = f."AgencyId"
              CROSS JOIN LATERAL (SELECT 0 AS region UNION ALL SELECT u."Id" FROM agencies u WHERE u."Path" = ANY (gd_path_prefixes(a."Path"))) x
             GROUP BY x.region, f."Year", a."Kind", 4, 5;
            """);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            DROP TRIGGER IF EXISTS publications_first_count ON publications;
            DROP FUNCTION IF EXISTS gd_count_first_publication();
            DROP FUNCTION IF EXISTS gd_path_prefixes(text);
            DROP TABLE IF EXISTS region_first_publications;
            """);
}
