using System.Linq.Expressions;
using GovDisclosure.Application.Common;
using GovDisclosure.Domain.Agencies;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Application.Admin;

/// <summary>
/// What an administrator may manage, decided by the kind of agency they belong to. A government office
/// (人民政府, 乡镇街道) manages its region: its agency and the subtree below it, and that region's calendar. A
/// department's admin manages its own agency's accounts and nothing that affects another agency: no agencies,
/// no years, no deadlines. Every admin use case asks here, as every report query asks <see cref="ScopedQueries"/>.
/// </summary>
public sealed record AdminReach(UserScope Scope, int AgencyId, string AgencyPath, AgencyKind Kind, bool IsTopOfTree)
{
    public const string DepartmentRefusal = "部门管理员只能管理本机构的账户；机构、年度和截止日期由本地区人民政府的管理员管理。";

    /// <summary>人民政府 or 乡镇街道: the body that answers for a region (its deadline is the government one too).</summary>
    public bool IsGovernmentOffice => Kind is AgencyKind.PeopleGovernment or AgencyKind.TownshipStreet;

    /// <summary>The agencies whose accounts this admin manages.</summary>
    public Expression<Func<Agency, bool>> ManagesAccountsOf()
    {
        var path = AgencyPath;
        var id = AgencyId;
        return IsGovernmentOffice ? a => a.Path.StartsWith(path) : a => a.Id == id;
    }

    /// <summary>The agencies this admin may create under or rename: a government office's region only.</summary>
    public Expression<Func<Agency, bool>> ManagesAgency()
    {
        var path = AgencyPath;
        return IsGovernmentOffice ? a => a.Path.StartsWith(path) : a => false;
    }

    /// <summary>Null when the user is not an admin or their agency vanished: the caller answers NotFound.</summary>
    public static async Task<AdminReach?> OfAsync(IGovDisclosureDb db, UserScope scope, CancellationToken ct)
    {
        if (!scope.IsAdmin)
        {
            return null;
        }

        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == scope.AgencyId)
            .Select(a => new { a.Id, a.Path, a.Kind, a.ParentId }).SingleOrDefaultAsync(ct);
        return agency is null ? null : new AdminReach(scope, agency.Id, agency.Path, agency.Kind, agency.ParentId is null);
    }
}
