namespace GovDisclosure.Application.Admin;

/// <summary>An account as the admin page lists it.</summary>
/// <param name="Locks">The addresses this account's sign-in is held off from now, and until when (table sign_in_failures).</param>
public sealed record UserRow(string Id, string UserName, string DisplayName, int AgencyId, string AgencyName, IReadOnlyList<string> Roles, IReadOnlyList<SignInLock> Locks)
{
    public bool IsLockedOut => Locks.Count > 0;
}

/// <summary>A sign-in held off for one (account, address) pair.</summary>
public sealed record SignInLock(string Address, int Failures, DateTimeOffset LockedUntil);

public sealed record NewUser(string UserName, string DisplayName, int AgencyId, string Password, IReadOnlyList<string> Roles);

/// <summary>An account's failure codes (Identity's error codes); the page puts them into Chinese.</summary>
public sealed record AccountOutcome(bool Succeeded, IReadOnlyList<string> ErrorCodes)
{
    public static AccountOutcome Success { get; } = new(true, []);
}

/// <summary>
/// The account store (ASP.NET Core Identity in Infrastructure): password hashing, roles, lockout and security
/// stamps are Identity's business, so the use case reaches them only through this seam.
/// </summary>
public interface IUserAccounts
{
    /// <summary>The role codes an account may hold.</summary>
    IReadOnlyList<string> KnownRoles { get; }

    /// <summary>The role that manages the portal; an admin may not take it from themselves.</summary>
    string AdministratorRole { get; }

    /// <summary>A role code as people read it (填报人, 审核人, 管理员).</summary>
    string RoleDisplayName(string role);

    Task<IReadOnlyList<UserRow>> ListAsync(string agencyPath, DateTimeOffset now, CancellationToken ct);

    /// <summary>The account's agency and current roles; null when there is no such account.</summary>
    Task<(string UserName, int AgencyId, IReadOnlyList<string> Roles)?> FindAsync(string userId, CancellationToken ct);

    Task<AccountOutcome> CreateAsync(NewUser user, CancellationToken ct);

    /// <summary>Sets exactly these roles and renews the security stamp, so the change reaches a signed-in session.</summary>
    Task SetRolesAsync(string userId, IReadOnlySet<string> roles, CancellationToken ct);

    /// <summary>Clears the account's per-address sign-in locks and Identity's lockout; returns how many addresses were cleared.</summary>
    Task<int> UnlockAsync(string userId, CancellationToken ct);
}
