using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

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
        // Identity's own failure counting locks per account and so lets anyone lock anyone out: the portal
        // counts per (account, address) instead (SignInThrottle) and never signs in with lockoutOnFailure.
        // Lockout stays enabled so that an administrator's lock (LockoutEnd) is still honoured.
        o.Lockout.AllowedForNewUsers = true;
        o.User.RequireUniqueEmail = false;
    }

    /// <summary>The portal's own rules on top of Identity's: the user manager that renews the stamp, the password list and the throttle.</summary>
    public static IdentityBuilder AddPortalIdentityRules(this IdentityBuilder builder)
    {
        builder.AddUserManager<PortalUserManager>().AddPasswordValidator<PortalPasswordValidator>();
        builder.Services.AddScoped<SignInThrottle>();
        return builder;
    }
}
