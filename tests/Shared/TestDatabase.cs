using System.Diagnostics;
using GovDisclosure.Infrastructure;
using GovDisclosure.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GovDisclosure.Tests.Shared;

/// <summary>
/// Real PostgreSQL for tests, never an in-memory stand-in. The server is the one ./test.sh starts
/// (GD_TEST_CONNECTION); run alone, the tests start their own private cluster with scripts/pg.sh.
/// Migrations are applied once per test run to a template database; each test class then gets its
/// own copy (CREATE DATABASE … TEMPLATE), which takes milliseconds and isolates classes running in parallel.
/// </summary>
public static class TestDatabase
{
    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);
    private static readonly SemaphoreSlim CreateLock = new(1, 1);

    /// <summary>Connection string of the server (database "postgres").</summary>
    public static string ServerConnection { get; } = Environment.GetEnvironmentVariable("GD_TEST_CONNECTION") ?? StartPrivateServer();

    /// <summary>Creates an empty database (no schema) and returns its connection string.</summary>
    public static async Task<string> CreateEmptyAsync(string prefix)
    {
        var name = UniqueName(prefix);
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return For(name);
    }

    /// <summary>Creates a migrated database for one test class and returns its connection string.</summary>
    public static async Task<string> CreateAsync(string prefix)
    {
        var template = await Template.Value;
        var name = UniqueName(prefix);

        // PostgreSQL refuses concurrent copies of one template; classes run in parallel, so take turns.
        await CreateLock.WaitAsync();
        try
        {
            await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        }
        finally
        {
            CreateLock.Release();
        }

        return For(name);
    }

    public static async Task DropAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    public static GovDisclosureDbContext Context(string connectionString)
    {
        var options = new DbContextOptionsBuilder<GovDisclosureDbContext>();
        DependencyInjection.Configure(options, connectionString);
        return new GovDisclosureDbContext(options.Options);
    }

    public static string For(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnection) { Database = database }.ConnectionString;

    private static async Task<string> CreateTemplateAsync()
    {
        var name = UniqueName("gd_template");
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        var connection = new NpgsqlConnectionStringBuilder(For(name)) { Pooling = false }.ConnectionString;
        await using (var db = Context(connection))
        {
            await db.Database.MigrateAsync();
        }

        NpgsqlConnection.ClearAllPools();
        return name;
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnection) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string UniqueName(string prefix) => $"{prefix}_{Environment.ProcessId}_{Guid.NewGuid():N}"[..Math.Min(60, prefix.Length + 34)].ToLowerInvariant();

    /// <summary>Starts (or reuses) a private cluster under /tmp with the project's own script.</summary>
    private static string StartPrivateServer()
    {
        var root = AppContext.BaseDirectory;
        while (root is not null && !File.Exists(Path.Combine(root, "GovDisclosure.sln")))
        {
            root = Path.GetDirectoryName(root);
        }

        if (root is null)
        {
            throw new InvalidOperationException("GD_TEST_CONNECTION is not set and the repository root was not found; run ./test.sh.");
        }

        const int port = 55499;
        var start = new ProcessStartInfo("bash", $"{Path.Combine(root, "scripts", "pg.sh")} start /tmp/gd-test-pg-standalone/data {port} fast") { UseShellExecute = false };
        using var process = Process.Start(start)!;
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/pg.sh failed with exit code {process.ExitCode}; run ./test.sh.");
        }

        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }
}
