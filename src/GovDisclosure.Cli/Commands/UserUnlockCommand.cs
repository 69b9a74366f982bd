using GovDisclosure.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace GovDisclosure.Cli.Commands;

/// <summary>
/// gd user unlock [--username U]: without a name, lists the (account name, address) pairs that failed sign-in
/// too often and are held off now; with one, clears that name's counts from every address. The names listed
/// are what was typed, so they may not be accounts at all; the list is for an administrator, not a log.
/// </summary>
public static class UserUnlockCommand
{
    public const string Usage = "用法：gd user unlock [--username 用户名] [--connection 连接字符串]（不带用户名时列出当前被锁定的登录）";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var rest = args.ToList();
        if (CliServices.TakeConnection(rest) is not { } connection)
        {
            await stderr.WriteLineAsync($"未指定数据库。{CliServices.ConnectionHelp}");
            return 2;
        }

        string? userName = null;
        if (rest.Count == 2 && rest[0] == "--username")
        {
            userName = rest[1];
        }
        else if (rest.Count > 0)
        {
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        await using var services = CliServices.Build(connection);
        await using var scope = services.CreateAsyncScope();
        var throttle = scope.ServiceProvider.GetRequiredService<SignInThrottle>();
        if (userName is null)
        {
            var locked = await throttle.LockedAsync();
            if (locked.Count == 0)
            {
                await stdout.WriteLineAsync("当前没有被锁定的登录。");
                return 0;
            }

            await stdout.WriteLineAsync("当前被锁定的登录（用户名 / 网络地址 / 失败次数 / 锁定至）：");
            foreach (var f in locked)
            {
                await stdout.WriteLineAsync($"  {f.UserName} / {f.Address} / {f.Failures} / {f.LockedUntil!.Value.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm}");
            }

            return 0;
        }

        var key = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().NormalizeName(userName.Trim());
        var cleared = await throttle.ClearAsync(key);
        await stdout.WriteLineAsync(cleared == 0 ? $"“{userName}”没有登录失败记录，无需解锁。" : $"已解除“{userName}”的锁定（{cleared}个网络地址）。");
        return 0;
    }
}
