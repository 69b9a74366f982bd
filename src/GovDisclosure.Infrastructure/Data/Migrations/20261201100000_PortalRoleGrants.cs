using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovDisclosure.Infrastructure.Data.Migrations;

/// <summary>
/// Grants the portal role (gd_portal, when it exists) row access, append-only on the history tables
/// (<see cref="PortalRole.GrantSql"/>). A database whose portal role has another name, or was created after this
/// migration ran, gets the same grants from `gd db migrate --portal-role NAME`, which repeats them on every run.
/// </summary>
[DbContext(typeof(GovDisclosureDbContext))]
[Migration("20261201100000_PortalRoleGrants")]
public sealed class PortalRoleGrants : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(PortalRole.GrantSql(PortalRole.DefaultName));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql($"""
            DO $revoke$
            BEGIN
                IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{PortalRole.DefaultName}') THEN
                    ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM {PortalRole.DefaultName};
                    ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM {PortalRole.DefaultName};
                    REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {PortalRole.DefaultName};
                    REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {PortalRole.DefaultName};
                END IF;
            END
            $revoke$;
            """);
}
