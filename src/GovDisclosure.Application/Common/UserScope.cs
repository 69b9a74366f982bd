using GovDisclosure.Domain.Workflow;

namespace GovDisclosure.Application.Common;

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

    /// <summary>发布: reviewers and admins (the Publisher policy says the same for the pages).</summary>
    public bool CanPublish => IsReviewer || IsAdmin;
}

/// <summary>What the caller means to do with a report, which decides the scope it is read through.</summary>
public enum ReportAccess
{
    /// <summary>Read: own agency, plus the subtree for reviewers and admins.</summary>
    View,

    /// <summary>Fill in: a filler's own agency only.</summary>
    Edit,

    /// <summary>Review: reviewers and admins, within their subtree.</summary>
    Review,
}

public static class ScopedQueries
{
    public static IQueryable<AnnualReport> ReachableBy(this IQueryable<AnnualReport> reports, UserScope scope, ReportAccess access) => access switch
    {
        ReportAccess.Edit => reports.EditableBy(scope),
        ReportAccess.Review => reports.ReviewableBy(scope),
        _ => reports.VisibleTo(scope),
    };

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
