using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovDisclosure.Infrastructure.Data.Migrations;

/// <summary>
/// The first schema. Migrations here are written by hand (the EF design-time package does not restore
/// on our machines; see docs/decisions/0002): this one runs the DDL in the .sql file beside it, and
/// MigrationsMatchModelTests proves the migrated schema equals the model.
/// </summary>
[DbContext(typeof(GovDisclosureDbContext))]
[Migration("20261122000000_InitialCreate")]
public sealed class InitialCreate : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(MigrationSql.Load("20261122000000_InitialCreate.sql"));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            DROP TABLE IF EXISTS publication_cells, publications, review_comments, audit_entries, reports,
                deadline_overrides, reporting_years, "AspNetUserTokens", "AspNetUserRoles", "AspNetUserLogins",
                "AspNetUserClaims", "AspNetRoleClaims", "AspNetUsers", "AspNetRoles", agencies CASCADE;
            """);
}

internal static class MigrationSql
{
    /// <summary>Reads a migration's SQL, embedded in this assembly so a deployment needs no loose files.</summary>
    public static string Load(string fileName)
    {
        var assembly = typeof(MigrationSql).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + fileName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
