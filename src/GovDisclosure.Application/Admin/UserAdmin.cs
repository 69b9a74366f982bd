using GovDisclosure.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Application.Admin;

/// <summary>Accounts of the agencies in the acting admin's subtree: list, create one bound to an agency, set roles, unlock.</summary>
public sealed class UserAdmin(IGovDisclosureDb db, IUserAccounts accounts, TimeProvider clock)
{
    public Task<IReadOnlyList<UserRow>> ListAsync(UserScope scope, CancellationToken ct = default) =>
        accounts.ListAsync(scope.AgencyPath, clock.GetUtcNow(), ct);

    /// <summary>The agencies an account may be bound to: the admin's subtree.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> AgenciesAsync(UserScope scope, CancellationToken ct = default) =>
        (await db.Agencies.AsNoTracking().Where(a => a.Path.StartsWith(scope.AgencyPath)).OrderBy(a => a.Path).Select(a => new { a.Id, a.Name }).ToListAsync(ct))
            .Select(a => (a.Id, a.Name)).ToList();

    public async Task<AdminResult> CreateAsync(UserScope scope, NewUser input, CancellationToken ct = default)
    {
        if (!await InScopeAsync(scope, input.AgencyId, ct))
        {
            return AdminResult.NotFound();
        }

        var user = input with
        {
            UserName = input.UserName.Trim(),
            DisplayName = input.DisplayName.Trim(),
            Roles = input.Roles.Where(accounts.KnownRoles.Contains).ToList(),
        };
        var outcome = await accounts.CreateAsync(user, ct);
        return outcome.Succeeded
            ? AdminResult.Ok($"已新建账户“{user.UserName}”。")
            : AdminResult.Refused("账户未能新建。") with { Errors = outcome.ErrorCodes };
    }

    public async Task<AdminResult> SetRolesAsync(UserScope scope, string userId, IEnumerable<string> roles, CancellationToken ct = default)
    {
        var user = await FindInScopeAsync(scope, userId, ct);
        if (user is null)
        {
            return AdminResult.NotFound();
        }

        var wanted = roles.Where(accounts.KnownRoles.Contains).ToHashSet(StringComparer.Ordinal);
        var admin = accounts.AdministratorRole;
        if (userId == scope.UserId && user.Value.Roles.Contains(admin) && !wanted.Contains(admin))
        {
            return AdminResult.Refused("不能取消自己的管理员角色。");
        }

        await accounts.SetRolesAsync(userId, wanted, ct);
        return AdminResult.Ok($"已更新“{user.Value.UserName}”的角色。");
    }

    public async Task<AdminResult> UnlockAsync(UserScope scope, string userId, CancellationToken ct = default)
    {
        var user = await FindInScopeAsync(scope, userId, ct);
        if (user is null)
        {
            return AdminResult.NotFound();
        }

        await accounts.UnlockAsync(userId, ct);
        return AdminResult.Ok($"已解除“{user.Value.UserName}”的锁定。");
    }

    private Task<bool> InScopeAsync(UserScope scope, int agencyId, CancellationToken ct) =>
        db.Agencies.AnyAsync(a => a.Id == agencyId && a.Path.StartsWith(scope.AgencyPath), ct);

    private async Task<(string UserName, int AgencyId, IReadOnlyList<string> Roles)?> FindInScopeAsync(UserScope scope, string userId, CancellationToken ct) =>
        await accounts.FindAsync(userId, ct) is { } user && await InScopeAsync(scope, user.AgencyId, ct) ? user : null;
}
