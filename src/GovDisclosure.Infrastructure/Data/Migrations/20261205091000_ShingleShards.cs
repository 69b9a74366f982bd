using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovDisclosure.Infrastructure.Data.Migrations;

/// <summary>
/// Splits each 雷同 document frequency into shards (<c>PostgresSimilarityStore.ShingleShards</c>), as RollupShards did
/// for the rollup: every publisher added 1 to the same boilerplate shingles' rows and held them until its commit, so
/// concurrent publishers ran their index transactions one at a time (the surge's largest lock wait). A report's
/// entries now count in the shard of its report id and readers sum a shingle's rows. Existing rows become shard 0;
/// replacing an entry counted there subtracts from its report's shard instead, which may go below 0 while the sum
/// stays exact. The default is then dropped, as the model has none.
/// </summary>
[DbContext(typeof(GovDisclosureDbContext))]
[Migration("20261205091000_ShingleShards")]
public sealed class ShingleShards : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            ALTER TABLE similarity_shingles ADD COLUMN "Shard" smallint NOT NULL DEFAULT 0;
            ALTER TABLE similarity_shingles ALTER COLUMN "Shard" DROP DEFAULT;
            ALTER TABLE similarity_shingles DROP CONSTRAINT "PK_similarity_shingles";
            ALTER TABLE similarity_shingles ADD CONSTRAINT "PK_similarity_shingles" PRIMARY KEY ("Shingle", "Shard");
            """);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            CREATE TEMPORARY TABLE gd_shingles AS SELECT "Shingle", sum("Reports")::integer AS "Reports" FROM similarity_shingles GROUP BY "Shingle";
            TRUNCATE similarity_shingles;
            ALTER TABLE similarity_shingles DROP CONSTRAINT "PK_similarity_shingles";
            ALTER TABLE similarity_shingles DROP COLUMN "Shard";
            ALTER TABLE similarity_shingles ADD CONSTRAINT "PK_similarity_shingles" PRIMARY KEY ("Shingle");
            INSERT INTO similarity_shingles SELECT * FROM gd_shingles;
            """);
}
