namespace GovDisclosure.Infrastructure.Data;

/// <summary>
/// The two database roles. The owner role owns the schema and runs migrations (`gd db migrate`); the portal
/// connects as the portal role, which is neither superuser nor owner: it reads and writes rows, may only
/// append to the history tables, and cannot alter a table, disable a trigger or set session_replication_role.
/// </summary>
public static class PortalRole
{
    /// <summary>The portal role's name unless GD_PORTAL_ROLE or `gd db migrate --portal-role` says otherwise.</summary>
    public const string DefaultName = "gd_portal";

    /// <summary>Tables whose rows are never changed or removed: the triggers refuse it, and so do the privileges.</summary>
    public static readonly IReadOnlyList<string> AppendOnlyTables = ["audit_entries", "publications", "publication_cells"];

    /// <summary>
    /// Grants the role what the portal needs on every table and sequence there is now and every one a later
    /// migration creates (default privileges of the migrating owner), then takes back UPDATE, DELETE and
    /// TRUNCATE on the append-only tables. Does nothing when the role does not exist (a developer database).
    /// Idempotent; `gd db migrate` runs it after every migration.
    /// </summary>
    public static string GrantSql(string role)
    {
        if (role.Length is 0 or > 63 || !role.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
        {
            throw new ArgumentException("角色名只能由小写字母、数字和下划线组成，且不超过63个字符。", nameof(role));
        }

        var revoke = string.Join(", ", AppendOnlyTables);
        return $"""
            DO $grant$
            BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') THEN
                    RETURN;
                END IF;
                IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}' AND (rolsuper OR rolbypassrls)) THEN
                    RAISE EXCEPTION 'the portal role {role} must not be a superuser';
                END IF;
                EXECUTE format('GRANT CONNECT ON DATABASE %I TO {role}', current_database());
                GRANT USAGE ON SCHEMA public TO {role};
                GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};
                GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role};
                ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {role};
                ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {role};
                REVOKE UPDATE, DELETE, TRUNCATE ON {revoke} FROM {role};
                REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON __ef_migrations_history FROM {role};
            END
            $grant$;
            """;
    }
}
