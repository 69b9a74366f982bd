using GovDisclosure.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Infrastructure.Identity;

/// <summary>
/// The password rules beyond Identity's length and character classes: not a common password (the list in
/// Resources/common-passwords.txt, also with digits and symbols taken off its ends, so 「Password1234」 counts),
/// not built from the account's user name or its agency's name or code, and not the password it replaces.
/// </summary>
public sealed class PortalPasswordValidator(GovDisclosureDbContext db) : IPasswordValidator<ApplicationUser>
{
    public const string TooCommon = "PasswordTooCommon";
    public const string FromUserName = "PasswordFromUserName";
    public const string FromAgency = "PasswordFromAgency";
    public const string Reused = "PasswordReused";

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public async Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return IdentityResult.Success;
        }

        var errors = new List<IdentityError>();
        var lower = password.ToLowerInvariant();
        if (IsCommon(lower))
        {
            errors.Add(new IdentityError { Code = TooCommon, Description = "该密码过于常见，容易被猜中，请换一个。" });
        }

        if (user.UserName is { Length: >= 3 } name && (lower.Contains(name.ToLowerInvariant(), StringComparison.Ordinal) || Core(lower) is { Length: >= 3 } core && name.ToLowerInvariant().Contains(core, StringComparison.Ordinal)))
        {
            errors.Add(new IdentityError { Code = FromUserName, Description = "密码不能由用户名变化而来。" });
        }

        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == user.AgencyId).Select(a => new { a.Name, a.Code }).SingleOrDefaultAsync();
        if (agency is not null && (password.Contains(agency.Name, StringComparison.Ordinal) || agency.Code.Length >= 3 && lower.Contains(agency.Code.ToLowerInvariant(), StringComparison.Ordinal)))
        {
            errors.Add(new IdentityError { Code = FromAgency, Description = "密码不能包含所在机构的名称或代码。" });
        }

        if (user.PasswordHash is { } current && manager.PasswordHasher.VerifyHashedPassword(user, current, password) != PasswordVerificationResult.Failed)
        {
            errors.Add(new IdentityError { Code = Reused, Description = "新密码不能与当前密码相同。" });
        }

        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }

    public static bool IsCommon(string lowercasePassword) =>
        Common.Value.Contains(lowercasePassword) || Common.Value.Contains(Core(lowercasePassword));

    /// <summary>The password without the digits and symbols people put around a word to satisfy a policy.</summary>
    private static string Core(string password) => password.Trim("0123456789!@#$%^&*()-_=+.,;:?~`'\"[]{}<>/\\| ".ToCharArray());

    private static HashSet<string> Load()
    {
        using var stream = typeof(PortalPasswordValidator).Assembly.GetManifestResourceStream("GovDisclosure.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                set.Add(line.Trim());
            }
        }

        return set;
    }
}
