using GovDisclosure.Domain.Workflow;

namespace GovDisclosure.Infrastructure.Data;

/// <summary>
/// What a signed-in user may reach. A filler reaches their own agency's reports; a reviewer or admin
/// reaches their agency and everything below it (the path prefix). Every query that loads a report
/// goes through <see cref="ScopedQueries"/>, so an id typed into a URL cannot reach another agency.
/// </summary>
public sealed record UserScope(string UserId, string UserName, int AgencyId, string AgencyPath, bool IsFiller, bool IsReviewer, bool IsAdmin)
{
    public Actor Actor => new(UserId, UserName, AgencyId);

    /// <summary>May see (not necessarily change) reports of agencies under this path.</summary>
    public bool CoversSubtree => IsReviewer || IsAdmin;
}

public static class ScopedQueries
{
    /// <summary>Reports the user may see: own agency, plus the subtree for reviewers and admins.</summary>
    public static IQueryable<AnnualReport> VisibleTo(this IQueryable<AnnualReport> reports, UserScope scope) =>
        scope.CoversSubtree
            ? reports.Where(r => r.AgencyId == scope.AgencyId || r.Agency!.Path.StartsWith(scope.AgencyPath))
            : reports.Where(r => r.AgencyId == scope.AgencyId);

    /// <summary>Reports the user may fill in: only their own agency's, and only as a filler.</summary>
    public static IQueryable<AnnualReport> EditableBy(this IQueryable<AnnualReport> reports, UserScope scope) =>
        scope.IsFiller ? reports.Where(r => r.AgencyId == scope.AgencyId) : reports.Where(r => false);

    /// <summary>Reports the user may review: reviewers and admins, within their subtree.</summary>
    public static IQueryable<AnnualReport> ReviewableBy(this IQueryable<AnnualReport> reports, UserScope scope) =>
        scope.CoversSubtree ? reports.Where(r => r.Agency!.Path.StartsWith(scope.AgencyPath)) : reports.Where(r => false);
}
