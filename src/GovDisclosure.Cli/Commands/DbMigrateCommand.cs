using GovDisclosure.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovDisclosure.Cli.Commands;

/// <summary>gd db migrate [--connection CS]: applies every pending migration. Safe to run on every start.</summary>
public static class DbMigrateCommand
{
    public const string Usage = "用法：gd db migrate [--connection 连接字符串]";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var rest = args.ToList();
        if (CliServices.TakeConnection(rest) is not { } connection)
        {
            await stderr.WriteLineAsync($"未指定数据库。{CliServices.ConnectionHelp}");
            return 2;
        }

        if (rest.Count > 0)
        {
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        await using var services = CliServices.Build(connection);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovDisclosureDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        if (pending.Count == 0)
        {
            await stdout.WriteLineAsync("数据库已是最新结构，无需迁移。");
            return 0;
        }

        await db.Database.MigrateAsync();
        await stdout.WriteLineAsync($"已执行{pending.Count}项迁移：{string.Join("，", pending)}");
        return 0;
    }
}
