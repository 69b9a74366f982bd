using GovDisclosure.Infrastructure.Data;
using GovDisclosure.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovDisclosure.Cli.Commands;

/// <summary>
/// gd user add --username U --password P --name 姓名 --agency CODE --role 填报人|审核人|管理员 (repeatable):
/// creates a staff account under the portal's own password policy.
/// </summary>
public static class UserAddCommand
{
    public const string Usage = "用法：gd user add --username 用户名 --password 密码 --name 姓名 --agency 机构代码 --role 填报人|审核人|管理员 [--role …] [--connection 连接字符串]";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var rest = args.ToList();
        var connection = CliServices.TakeConnection(rest);
        string? userName = null, password = null, name = null, agencyCode = null;
        var roles = new List<string>();
        for (var i = 0; i < rest.Count; i++)
        {
            var value = i + 1 < rest.Count ? rest[i + 1] : null;
            switch (rest[i])
            {
                case "--username" when value is not null: userName = value; i++; break;
                case "--password" when value is not null: password = value; i++; break;
                case "--name" when value is not null: name = value; i++; break;
                case "--agency" when value is not null: agencyCode = value; i++; break;
                case "--role" when value is not null:
                    if (ParseRole(value) is not { } role)
                    {
                        await stderr.WriteLineAsync($"角色“{value}”无法识别，应为 填报人、审核人 或 管理员。");
                        return 2;
                    }

                    roles.Add(role);
                    i++;
                    break;
                default:
                    await stderr.WriteLineAsync(Usage);
                    return 2;
            }
        }

        if (userName is null || password is null || name is null || agencyCode is null || roles.Count == 0)
        {
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        if (connection is null)
        {
            await stderr.WriteLineAsync($"未指定数据库。{CliServices.ConnectionHelp}");
            return 2;
        }

        await using var services = CliServices.Build(connection);
        await using var scope = services.CreateAsyncScope();
        var (ok, message) = await AddAsync(scope.ServiceProvider, userName, password, name, agencyCode, roles);
        await (ok ? stdout : stderr).WriteLineAsync(message);
        return ok ? 0 : 1;
    }

    /// <summary>Creates the account; also used by `gd demo`. The message is Chinese either way.</summary>
    internal static async Task<(bool Ok, string Message)> AddAsync(
        IServiceProvider services, string userName, string password, string displayName, string agencyCode, IReadOnlyCollection<string> roles)
    {
        var db = services.GetRequiredService<GovDisclosureDbContext>();
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Code == agencyCode);
        if (agency is null)
        {
            return (false, $"机构代码 {agencyCode} 不存在，请先用 gd agency import 导入机构。");
        }

        if (displayName.Trim().Length is 0 or > ApplicationUser.DisplayNameMaxLength)
        {
            return (false, $"姓名不能为空，且不超过{ApplicationUser.DisplayNameMaxLength}字。");
        }

        var user = new ApplicationUser { UserName = userName, DisplayName = displayName.Trim(), AgencyId = agency.Id, LockoutEnabled = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return (false, $"未能创建账号 {userName}：{Describe(created)}");
        }

        var assigned = await users.AddToRolesAsync(user, roles.Distinct());
        if (!assigned.Succeeded)
        {
            await users.DeleteAsync(user);
            return (false, $"未能为账号 {userName} 分配角色：{Describe(assigned)}");
        }

        return (true, $"已创建账号 {userName}（{user.DisplayName}，{agency.Name}，{string.Join("、", roles.Select(Roles.DisplayName))}）。");
    }

    private static string? ParseRole(string text) => text switch
    {
        "填报人" or Roles.Filler => Roles.Filler,
        "审核人" or Roles.Reviewer => Roles.Reviewer,
        "管理员" or Roles.Admin => Roles.Admin,
        _ => null,
    };

    // Identity's own descriptions are English; the ones an operator meets at the command line are said in Chinese.
    private static string Describe(IdentityResult result) => string.Join("；", result.Errors.Select(e => e.Code switch
    {
        "DuplicateUserName" => "用户名已存在",
        "PasswordTooShort" => "密码至少12位",
        "PasswordRequiresDigit" => "密码须含数字",
        "PasswordRequiresLower" => "密码须含小写字母",
        "PasswordRequiresUpper" => "密码须含大写字母",
        "InvalidUserName" => "用户名只能包含字母、数字和 -._@+",
        _ => e.Description,
    }));
}
