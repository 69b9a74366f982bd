using GovDisclosure.Application.Common;
using GovDisclosure.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Application.Admin;

/// <summary>
/// Accounts an admin manages (<see cref="AdminReach"/>): a government office's admin those of its region, a
/// department's admin those of its own agency. List (with current sign-in locks), create one bound to an agency,
/// set roles, unlock; every change is audited with the agency concerned.
/// </summary>
public sealed class UserAdmin(IGovDisclosureDb db, IUserAccounts accounts, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync(UserScope scope, CancellationToken ct = default) =>
        await AdminReach.OfAsync(db, scope, ct) is { } reach
            ? (await accounts.ListAsync(scope.AgencyPath, clock.GetUtcNow(), ct)).Where(u => reach.IsGovernmentOffice || u.AgencyId == reach.AgencyId).ToList()
            : [];

    /// <summary>The agencies an account may be bound to.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> AgenciesAsync(UserScope scope, CancellationToken ct = default) =>
        await AdminReach.OfAsync(db, scope, ct) is { } reach
            ? (await db.Agencies.AsNoTracking().Where(reach.ManagesAccountsOf()).OrderBy(a => a.Path).Select(a => new { a.Id, a.Name }).ToListAsync(ct))
                .Select(a => (a.Id, a.Name)).ToList()
            : [];

    public async Task<AdminResult> CreateAsync(UserScope scope, NewUser input, CancellationToken ct = default)
    {
        if (!await ManagesAsync(scope, input.AgencyId, ct))
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
        if (!outcome.Succeeded)
        {
            return AdminResult.Refused("账户未能新建。") with { Errors = outcome.ErrorCodes };
        }

        await AuditAsync(scope, AuditActions.UserCreated, user.AgencyId,
            $"新建账户“{user.UserName}”（{user.DisplayName}），角色：{Roles(user.Roles)}", null, Roles(user.Roles), ct);
        return AdminResult.Ok($"已新建账户“{user.UserName}”。");
    }

    public async Task<AdminResult> SetRolesAsync(UserScope scope, string userId, IEnumerable<string> roles, CancellationToken ct = default)
    {
        var user = await FindManagedAsync(scope, userId, ct);
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

        if (wanted.SetEquals(user.Value.Roles))
        {
            return AdminResult.Ok($"“{user.Value.UserName}”的角色未变。");
        }

        await accounts.SetRolesAsync(userId, wanted, ct);
        var (old, updated) = (Roles(user.Value.Roles), Roles(wanted));
        await AuditAsync(scope, AuditActions.RolesChanged, user.Value.AgencyId, $"“{user.Value.UserName}”的角色：{old} → {updated}", old, updated, ct);
        return AdminResult.Ok($"已更新“{user.Value.UserName}”的角色。");
    }

    /// <summary>Clears every sign-in lock of the account (each address it was held off from) and Identity's own.</summary>
    public async Task<AdminResult> UnlockAsync(UserScope scope, string userId, CancellationToken ct = default)
    {
        var user = await FindManagedAsync(scope, userId, ct);
        if (user is null)
        {
            return AdminResult.NotFound();
        }

        var cleared = await accounts.UnlockAsync(userId, ct);
        await AuditAsync(scope, AuditActions.Unlocked, user.Value.AgencyId, $"解除“{user.Value.UserName}”的锁定（{cleared}个来源地址）", null, null, ct);
        return AdminResult.Ok($"已解除“{user.Value.UserName}”的锁定。");
    }

    private async Task<bool> ManagesAsync(UserScope scope, int agencyId, CancellationToken ct) =>
        await AdminReach.OfAsync(db, scope, ct) is { } reach && await db.Agencies.Where(reach.ManagesAccountsOf()).AnyAsync(a => a.Id == agencyId, ct);

    private async Task<(string UserName, int AgencyId, IReadOnlyList<string> Roles)?> FindManagedAsync(UserScope scope, string userId, CancellationToken ct) =>
        await accounts.FindAsync(userId, ct) is { } user && await ManagesAsync(scope, user.AgencyId, ct) ? user : null;

    private string Roles(IEnumerable<string> roles) =>
        accounts.KnownRoles.Where(roles.Contains).Select(accounts.RoleDisplayName).DefaultIfEmpty("无").Aggregate((a, b) => $"{a}、{b}");

    private async Task AuditAsync(UserScope scope, string action, int agencyId, string detail, string? old, string? updated, CancellationToken ct)
    {
        db.AuditEntries.Add(AuditEntry.Administrative(scope.Actor, clock.GetUtcNow(), action, agencyId, detail, old, updated));
        await db.SaveChangesAsync(ct);
    }
}
