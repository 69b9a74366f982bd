using System.Security.Claims;
using GovDisclosure.Application.Common;
using GovDisclosure.Application.Reports;
using GovDisclosure.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GovDisclosure.Web.Security;

/// <summary>Puts the user's agency, its path and display name into the sign-in cookie so scope checks need no extra query.</summary>
public sealed class AgencyClaimsFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options,
    DashboardQueries agencies)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(userManager, roleManager, options)
{
    public const string AgencyId = "gd:agency_id";
    public const string AgencyPath = "gd:agency_path";
    public const string AgencyName = "gd:agency_name";
    public const string DisplayName = "gd:display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var agency = await agencies.OwnAgencyAsync(user.AgencyId)
            ?? throw new InvalidOperationException($"Account {user.Id} is bound to agency {user.AgencyId}, which does not exist.");
        identity.AddClaim(new Claim(AgencyId, user.AgencyId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(AgencyPath, agency.Path));
        identity.AddClaim(new Claim(AgencyName, agency.Name));
        identity.AddClaim(new Claim(DisplayName, user.DisplayName));
        return identity;
    }
}

public static class ClaimsPrincipalScope
{
    /// <summary>The user's scope, or null when not signed in.</summary>
    public static UserScope? Scope(this ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true || user.FindFirstValue(AgencyClaimsFactory.AgencyId) is not { } agencyId)
        {
            return null;
        }

        return new UserScope(
            user.FindFirstValue(ClaimTypes.NameIdentifier)!,
            user.FindFirstValue(AgencyClaimsFactory.DisplayName) ?? user.Identity.Name ?? string.Empty,
            int.Parse(agencyId, System.Globalization.CultureInfo.InvariantCulture),
            user.FindFirstValue(AgencyClaimsFactory.AgencyPath)!,
            user.IsInRole(Roles.Filler),
            user.IsInRole(Roles.Reviewer),
            user.IsInRole(Roles.Admin));
    }

    /// <summary>The scope of a page that requires sign-in; the authorization policy guarantees it exists.</summary>
    public static UserScope RequiredScope(this ClaimsPrincipal user) =>
        user.Scope() ?? throw new InvalidOperationException("This page requires a signed-in user.");
}
