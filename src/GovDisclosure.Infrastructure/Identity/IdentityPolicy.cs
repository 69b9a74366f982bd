using Microsoft.AspNetCore.Identity;

namespace GovDisclosure.Infrastructure.Identity;

/// <summary>
/// Password and lockout rules, defined once: the web's sign-in and `gd user add` must agree, or the CLI
/// could create an account whose password the portal would never have accepted.
/// </summary>
public static class IdentityPolicy
{
    public static void Apply(IdentityOptions o)
    {
        o.Password.RequiredLength = 12;
        o.Password.RequireDigit = true;
        o.Password.RequireLowercase = true;
        o.Password.RequireUppercase = true;
        o.Password.RequireNonAlphanumeric = false;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.Lockout.AllowedForNewUsers = true;
        o.User.RequireUniqueEmail = false;
    }
}
