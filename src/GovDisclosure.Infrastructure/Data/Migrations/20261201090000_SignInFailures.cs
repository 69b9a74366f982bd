using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovDisclosure.Infrastructure.Data.Migrations;

/// <summary>
/// Failed sign-ins per (account name, address) for <see cref="Identity.SignInThrottle"/>; the name is whatever was
/// typed (normalized), so there is no foreign key to the users. The model declares it in Identity/SignInThrottle.cs.
/// </summary>
[DbContext(typeof(GovDisclosureDbContext))]
[Migration("20261201090000_SignInFailures")]
public sealed class SignInFailures : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            CREATE TABLE sign_in_failures (
                "UserName" character varying(256) NOT NULL,
                "Address" character varying(64) NOT NULL,
                "Failures" integer NOT NULL,
                "LastFailureAt" timestamp with time zone NOT NULL,
                "LockedUntil" timestamp with time zone,
                CONSTRAINT "PK_sign_in_failures" PRIMARY KEY ("UserName", "Address")
            );
            """);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("DROP TABLE IF EXISTS sign_in_failures;");
}
