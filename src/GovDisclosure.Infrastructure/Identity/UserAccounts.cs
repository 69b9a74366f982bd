using GovDisclosure.Application.Admin;
using GovDisclosure.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Infrastructure.Identity;

/// <summary>The account store behind <see cref="IUserAccounts"/>: Identity's UserManager for changes, one query for the list.</summary>
internal sealed class UserAccounts(GovDisclosureDbContext db, UserManager<ApplicationUser> users, SignInThrottle throttle) : IUserAccounts
{
    public IReadOnlyList<string> KnownRoles => Roles.All;

    public string AdministratorRole => Roles.Admin;

    public string RoleDisplayName(string role) => Roles.DisplayName(role);

    public async Task<IReadOnlyList<UserRow>> ListAsync(string agencyPath, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await db.Users.AsNoTracking().Where(u => u.Agency!.Path.StartsWith(agencyPath)).OrderBy(u => u.Agency!.Path).ThenBy(u => u.UserName)
            .Select(u => new { u.Id, u.UserName, u.NormalizedUserName, u.DisplayName, u.AgencyId, Agency = u.Agency!.Name, u.LockoutEnd })
            .ToListAsync(ct);
        var roles = await db.UserRoles.AsNoTracking().Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct);

        // The sign-in throttle keys its rows by the normalized name as typed, which for a real account is its NormalizedUserName.
        var names = rows.Select(u => u.NormalizedUserName).ToList();
        var locks = (await db.Set<SignInFailure>().AsNoTracking().Where(f => f.LockedUntil > now && names.Contains(f.UserName)).ToListAsync(ct))
            .ToLookup(f => f.UserName, StringComparer.Ordinal);
        return rows.Select(u => new UserRow(u.Id, u.UserName ?? string.Empty, u.DisplayName, u.AgencyId, u.Agency,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).ToList(),
            [
                .. locks[u.NormalizedUserName ?? string.Empty].OrderBy(f => f.Address, StringComparer.Ordinal).Select(f => new SignInLock(f.Address, f.Failures, f.LockedUntil!.Value)),
                .. u.LockoutEnd > now ? [new SignInLock("（全部地址）", 0, u.LockoutEnd.Value)] : Array.Empty<SignInLock>(),
            ])).ToList();
    }

    public async Task<(string UserName, int AgencyId, IReadOnlyList<string> Roles)?> FindAsync(string userId, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId);
        return user is null ? null : (user.UserName ?? string.Empty, user.AgencyId, (await users.GetRolesAsync(user)).ToList());
    }

    public async Task<AccountOutcome> CreateAsync(NewUser input, CancellationToken ct)
    {
        var user = new ApplicationUser { UserName = input.UserName, DisplayName = input.DisplayName, AgencyId = input.AgencyId };
        var result = await users.CreateAsync(user, input.Password);
        if (result.Succeeded)
        {
            result = await users.AddToRolesAsync(user, input.Roles);
        }

        return result.Succeeded ? AccountOutcome.Success : new AccountOutcome(false, result.Errors.Select(e => e.Code).ToList());
    }

    public async Task SetRolesAsync(string userId, IReadOnlySet<string> roles, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("The account vanished while its roles were changed.");
        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current.Except(roles));
        await users.AddToRolesAsync(user, roles.Except(current));
        await users.UpdateSecurityStampAsync(user);
    }

    public async Task<int> UnlockAsync(string userId, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("The account vanished while it was unlocked.");
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return await throttle.ClearAsync(user.NormalizedUserName ?? string.Empty, ct);
    }
}
