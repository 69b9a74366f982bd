using System.Data.Common;
using GovDisclosure.Infrastructure;
using GovDisclosure.Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GovDisclosure.Cli.Commands;

/// <summary>
/// gd db migrate [--portal-role NAME] [--connection CS]: applies every pending migration as the owner role the
/// connection names, then (re)grants the portal role its privileges, and creates the first Data Protection key when
/// there is none (docs/operations.md, "Data Protection keys"). Safe to run on every start.
/// </summary>
public static class DbMigrateCommand
{
    public const string Usage = "用法：gd db migrate [--portal-role 门户数据库角色（默认 gd_portal）] [--connection 连接字符串（以属主角色连接）]";

    /// <summary>How long one migration statement may run: long enough to convert the rows of a province's years.</summary>
    public static readonly TimeSpan MigrationTimeout = TimeSpan.FromMinutes(30);

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var rest = args.ToList();
        if (CliServices.TakeConnection(rest) is not { } connection)
        {
            await stderr.WriteLineAsync($"未指定数据库。{CliServices.ConnectionHelp}");
            return 2;
        }

        var portalRole = Environment.GetEnvironmentVariable("GD_PORTAL_ROLE") is { Length: > 0 } env ? env : PortalRole.DefaultName;
        var i = rest.IndexOf("--portal-role");
        if (i >= 0 && i + 1 < rest.Count)
        {
            portalRole = rest[i + 1];
            rest.RemoveRange(i, 2);
        }

        if (rest.Count > 0)
        {
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        // The same key ring as the portal's (name, table, certificate from DataProtection__CertificatePath).
        var environment = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        await using var services = CliServices.Build(connection, s => s.AddSharedDataProtection(environment));
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovDisclosureDbContext>();
        string grants;
        try
        {
            grants = PortalRole.GrantSql(portalRole);
        }
        catch (ArgumentException e)
        {
            await stderr.WriteLineAsync($"--portal-role：{e.Message.Split(" (")[0]}");
            return 2;
        }

        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        if (pending.Count == 0)
        {
            await stdout.WriteLineAsync("数据库已是最新结构，无需迁移。");
        }
        else
        {
            // A migration that converts existing rows (RollupBlanks rewrites the rollup) runs for minutes on a large
            // database; the 30 s command timeout of normal requests cut it off and left the schema behind. Each migration
            // is one transaction, so a failure still changes nothing.
            db.Database.SetCommandTimeout(MigrationTimeout);
            try
            {
                await db.Database.MigrateAsync();
            }
            catch (Exception e) when (e is DbException or InvalidOperationException)
            {
                var applied = (await db.Database.GetAppliedMigrationsAsync()).ToHashSet(StringComparer.Ordinal);
                var failed = pending.FirstOrDefault(m => !applied.Contains(m)) ?? pending[^1];
                await stderr.WriteLineAsync($"迁移{failed}未能完成，数据库仍停在此前的结构（{FirstLine(e)}）。请检查数据库后重新运行 gd db migrate。");
                return 1;
            }

            await stdout.WriteLineAsync($"已执行{pending.Count}项迁移：{string.Join("，", pending)}");
        }

        // Every run, so a portal role created or renamed after the migrations still gets exactly its privileges.
        await db.Database.ExecuteSqlRawAsync(grants);

        // Made here, before any instance starts: instances started together on an empty key table would each create one.
        var keys = services.GetRequiredService<IKeyManager>();
        var now = DateTimeOffset.UtcNow;
        if (!keys.GetAllKeys().Any(k => !k.IsRevoked && k.ExpirationDate > now))
        {
            keys.CreateNewKey(now, now.AddDays(90));
            await stdout.WriteLineAsync("已创建首个数据保护密钥（登录状态和表单令牌由各实例共用）。");
        }

        return 0;
    }

    private static string FirstLine(Exception e)
    {
        var inner = e;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        return inner.Message.Split('\n')[0].Trim();
    }
}
