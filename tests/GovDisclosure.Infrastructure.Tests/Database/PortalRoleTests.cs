using GovDisclosure.Domain.Agencies;
using GovDisclosure.Infrastructure.Data;
using GovDisclosure.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GovDisclosure.Infrastructure.Tests.Database;

/// <summary>
/// Connected as the portal's role, the audit trail can be appended to and read, and nothing else: not
/// rewritten, not emptied, its triggers not switched off. The database, not only the application, says so.
/// </summary>
public sealed class PortalRoleTests : IAsyncLifetime
{
    private const string Password = "portal-role-test-password";
    private string owner = string.Empty;
    private string portal = string.Empty;

    public async Task InitializeAsync()
    {
        // The role is cluster-wide; it must exist before the migrations run, as deploy/ and run.sh create it.
        await using (var server = new NpgsqlConnection(TestDatabase.ServerConnection))
        {
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"""
                DO $$ BEGIN
                    CREATE ROLE {PortalRole.DefaultName} LOGIN;
                EXCEPTION WHEN duplicate_object THEN NULL;
                END $$;
                ALTER ROLE {PortalRole.DefaultName} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '{Password}';
                """, server);
            await create.ExecuteNonQueryAsync();
        }

        owner = await TestDatabase.CreateEmptyAsync("gd_role");
        await using (var db = TestDatabase.Context(new NpgsqlConnectionStringBuilder(owner) { Pooling = false }.ConnectionString))
        {
            await db.Database.MigrateAsync();
            db.Agencies.Add(new Agency("角色测试区人民政府", "ROLE", AgencyKind.PeopleGovernment, AdministrativeLevel.County, null));
            await db.SaveChangesAsync();
        }

        portal = new NpgsqlConnectionStringBuilder(owner) { Username = PortalRole.DefaultName, Password = Password, Pooling = false }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await TestDatabase.DropAsync(owner);
    }

    [Fact]
    public async Task The_portal_role_appends_to_the_audit_trail_and_reads_it()
    {
        await Execute("""INSERT INTO audit_entries ("At", "UserId", "UserName", "Action", "Detail") VALUES (now(), 'u1', '张三', 'Test', '角色测试')""");

        Assert.Equal(1L, await Scalar("SELECT count(*) FROM audit_entries"));
        Assert.Equal(1L, await Scalar("SELECT count(*) FROM agencies"));
    }

    [Theory]
    [InlineData("""UPDATE audit_entries SET "Detail" = '改写' """)]
    [InlineData("DELETE FROM audit_entries")]
    [InlineData("TRUNCATE audit_entries")]
    [InlineData("ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only")]
    [InlineData("ALTER TABLE audit_entries DISABLE TRIGGER ALL")]
    [InlineData("SET session_replication_role = replica")]
    [InlineData("DELETE FROM publications")]
    [InlineData("TRUNCATE publication_cells")]
    [InlineData("DROP TABLE audit_entries")]
    [InlineData("CREATE TABLE shadow (id int)")]
    public async Task The_portal_role_cannot_rewrite_or_unprotect_the_history(string sql)
    {
        await Execute("""INSERT INTO audit_entries ("At", "UserId", "UserName", "Action", "Detail") VALUES (now(), 'u1', '张三', 'Test', '原文')""");

        var refused = await Assert.ThrowsAsync<PostgresException>(() => Execute(sql));

        // 42501 insufficient_privilege: refused by the privileges themselves, before any trigger is asked.
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.True(await Scalar("SELECT count(*) FROM audit_entries WHERE \"Detail\" = '原文'") >= 1);
    }

    [Fact]
    public async Task The_portal_role_is_neither_superuser_nor_the_owner_of_any_table()
    {
        Assert.Equal(0L, await Scalar("SELECT count(*) FROM pg_roles WHERE rolname = current_user AND (rolsuper OR rolcreaterole OR rolcreatedb)"));
        Assert.Equal(0L, await Scalar("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user"));
    }

    private async Task Execute(string sql)
    {
        await using var connection = new NpgsqlConnection(portal);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> Scalar(string sql)
    {
        await using var connection = new NpgsqlConnection(portal);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
