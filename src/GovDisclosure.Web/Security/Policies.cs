using GovDisclosure.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;

namespace GovDisclosure.Web.Security;

/// <summary>Named authorization policies; pages and endpoints name one of these, never a role string.</summary>
public static class Policies
{
    public const string Filler = nameof(Filler);
    public const string Reviewer = nameof(Reviewer);
    public const string Admin = nameof(Admin);

    /// <summary>May publish an approved report: a reviewer or an admin.</summary>
    public const string Publisher = nameof(Publisher);

    /// <summary>Any signed-in staff member.</summary>
    public const string Staff = nameof(Staff);

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Filler, p => p.RequireAuthenticatedUser().RequireRole(Roles.Filler));
        options.AddPolicy(Reviewer, p => p.RequireAuthenticatedUser().RequireRole(Roles.Reviewer, Roles.Admin));
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
        options.AddPolicy(Publisher, p => p.RequireAuthenticatedUser().RequireRole(Roles.Reviewer, Roles.Admin));
        options.AddPolicy(Staff, p => p.RequireAuthenticatedUser().RequireClaim(AgencyClaimsFactory.AgencyId));
    }
}
