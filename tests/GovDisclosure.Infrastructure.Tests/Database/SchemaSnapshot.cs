using Npgsql;

namespace GovDisclosure.Infrastructure.Tests.Database;

/// <summary>
/// A database's schema as a set of comparable lines read from pg_catalog: tables, columns (type,
/// nullability, default, identity), indexes, constraints (keys, FKs with their delete rule, uniques,
/// checks), sequences, extensions, triggers and the functions the schema itself defines.
/// </summary>
internal static class SchemaSnapshot
{
    private const string Query = """
        SELECT 'table ' || c.relname
          FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
        UNION ALL
        SELECT format('column %s.%s %s%s%s%s', c.relname, a.attname, format_type(a.atttypid, a.atttypmod),
                      CASE WHEN a.attnotnull THEN ' not null' ELSE ' null' END,
                      coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), ''),
                      CASE a.attidentity WHEN 'd' THEN ' identity by default' WHEN 'a' THEN ' identity always' ELSE '' END)
          FROM pg_attribute a
          JOIN pg_class c ON c.oid = a.attrelid
          LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
         WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
        UNION ALL
        SELECT 'index ' || pg_get_indexdef(i.indexrelid)
          FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
         WHERE c.relnamespace = 'public'::regnamespace
        UNION ALL
        SELECT format('constraint %s.%s %s', t.relname, k.conname, pg_get_constraintdef(k.oid))
          FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid
         WHERE k.connamespace = 'public'::regnamespace
        UNION ALL
        SELECT 'sequence ' || c.relname
          FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'S'
        UNION ALL
        SELECT 'extension ' || extname FROM pg_extension
        UNION ALL
        SELECT format('trigger %s.%s', t.relname, g.tgname)
          FROM pg_trigger g JOIN pg_class t ON t.oid = g.tgrelid
         WHERE NOT g.tgisinternal AND t.relnamespace = 'public'::regnamespace
        UNION ALL
        SELECT 'function ' || p.proname
          FROM pg_proc p
         WHERE p.pronamespace = 'public'::regnamespace
           AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
        """;

    public static async Task<SortedSet<string>> ReadAsync(string connectionString)
    {
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(Query, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }

    /// <summary>Lines present in one schema and not the other, each prefixed with the side that has it.</summary>
    public static IReadOnlyList<string> Differences(IReadOnlySet<string> migrated, IReadOnlySet<string> model) =>
        migrated.Except(model).Select(l => "only in migrations: " + l)
            .Concat(model.Except(migrated).Select(l => "only in model: " + l))
            .ToList();
}
