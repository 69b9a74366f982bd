using GovDisclosure.Application.Common;
using GovDisclosure.Domain;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Application.Admin;

/// <summary>A reporting year as the admin page lists it; the deadlines are those that apply in the admin's region.</summary>
public sealed record YearRow(int Year, TemplateVersion Template, bool IsOpen, DateOnly DepartmentDeadline, DateOnly GovernmentDeadline, bool IsRegional);

/// <summary>One year whose deadlines in the admin's region would change on 恢复法定截止日期: what applies now → after.</summary>
public sealed record DeadlineReset(int Year, DateOnly Department, DateOnly Government, DateOnly StatutoryDepartment, DateOnly StatutoryGovernment);

/// <summary>What 恢复法定截止日期 would do in the admin's region, or why they may not (a department's admin).</summary>
public sealed record DeadlineResetPlan(IReadOnlyList<DeadlineReset> Years, string? Refusal, bool IsTopOfTree);

/// <summary>
/// Reporting years: add one, open or close it, set its deadlines. They belong to the government office of the
/// region concerned (<see cref="AdminReach"/>). A year row serves the whole tree, so adding, opening and closing it
/// and its statutory deadlines are the business of the government at the top of the tree; a government office
/// below it sets its own region's deadlines (a <see cref="DeadlineOverride"/>); a department's admin changes none.
/// Every change is audited with old → new.
/// </summary>
public sealed class YearAdmin(IGovDisclosureDb db, TimeProvider clock)
{
    public async Task<IReadOnlyList<YearRow>> ListAsync(UserScope scope, CancellationToken ct = default)
    {
        var years = await db.ReportingYears.AsNoTracking().OrderByDescending(y => y.Year).ToListAsync(ct);
        var overrides = await db.DeadlineOverrides.AsNoTracking().Where(o => o.RegionAgencyId == scope.AgencyId).ToListAsync(ct);
        return years.Select(y => overrides.SingleOrDefault(o => o.Year == y.Year) is { } o
                ? new YearRow(y.Year, y.Template, y.IsOpen, o.DepartmentDeadline ?? y.DepartmentDeadline, o.GovernmentDeadline ?? y.GovernmentDeadline, IsRegional: true)
                : new YearRow(y.Year, y.Template, y.IsOpen, y.DepartmentDeadline, y.GovernmentDeadline, IsRegional: false))
            .ToList();
    }

    public async Task<AdminResult> AddAsync(UserScope scope, int year, CancellationToken ct = default)
    {
        var (reach, refusal) = await CalendarOwnerAsync(scope, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (await db.ReportingYears.AnyAsync(y => y.Year == year, ct))
        {
            return AdminResult.Refused($"{year}年度已存在。");
        }

        try
        {
            var added = new ReportingYear(year, isOpen: false);
            db.ReportingYears.Add(added);
            Audit(reach!, AuditActions.YearAdded, $"添加{year}年度（{ReportTemplates.Get(added.Template).Name}，未开放）", null, $"{year}");
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return AdminResult.Refused(e.Message);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return AdminResult.Refused($"{year}年度已存在。");
        }

        return AdminResult.Ok($"已添加{year}年度（尚未开放填报）。");
    }

    public async Task<AdminResult> SetOpenAsync(UserScope scope, int year, bool open, CancellationToken ct = default)
    {
        var (reach, refusal) = await CalendarOwnerAsync(scope, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var reportingYear = await db.ReportingYears.SingleOrDefaultAsync(y => y.Year == year, ct);
        if (reportingYear is null)
        {
            return AdminResult.NotFound();
        }

        if (reportingYear.IsOpen != open)
        {
            reportingYear.SetOpen(open);
            Audit(reach!, open ? AuditActions.YearOpened : AuditActions.YearClosed, open ? $"开放{year}年度" : $"关闭{year}年度",
                OpenText(!open), OpenText(open));
            await db.SaveChangesAsync(ct);
        }

        return AdminResult.Ok(open ? $"{year}年度已开放填报。" : $"{year}年度已关闭，不能再新建报告。");
    }

    public async Task<AdminResult> SetDeadlinesAsync(UserScope scope, int year, DateOnly department, DateOnly government, CancellationToken ct = default)
    {
        if (await AdminReach.OfAsync(db, scope, ct) is not { } reach)
        {
            return AdminResult.NotFound();
        }

        if (!reach.IsGovernmentOffice)
        {
            return AdminResult.Refused(AdminReach.DepartmentRefusal);
        }

        var reportingYear = await db.ReportingYears.SingleOrDefaultAsync(y => y.Year == year, ct);
        if (reportingYear is null)
        {
            return AdminResult.NotFound();
        }

        try
        {
            string old;
            if (reach.IsTopOfTree)
            {
                old = Dates(reportingYear.DepartmentDeadline, reportingYear.GovernmentDeadline);
                reportingYear.SetDeadlines(department, government);
            }
            else
            {
                // Below the top, the region's own deadlines: they apply to every agency under it (Deadlines.For).
                var region = await db.Agencies.SingleAsync(a => a.Id == reach.AgencyId, ct);
                var own = await db.DeadlineOverrides.SingleOrDefaultAsync(o => o.Year == year && o.RegionAgencyId == region.Id, ct);
                old = Dates(own?.DepartmentDeadline ?? reportingYear.DepartmentDeadline, own?.GovernmentDeadline ?? reportingYear.GovernmentDeadline);
                if (own is null)
                {
                    own = new DeadlineOverride(year, region, null, null);
                    db.DeadlineOverrides.Add(own);
                }

                own.Set(department, government);
            }

            var updated = Dates(department, government);
            if (old != updated)
            {
                Audit(reach, AuditActions.DeadlinesChanged, $"{year}年度截止日期{(reach.IsTopOfTree ? string.Empty : "（本地区）")}：{old} → {updated}", old, updated);
            }

            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return AdminResult.Refused(e.Message);
        }

        return AdminResult.Ok(reach.IsTopOfTree ? $"已更新{year}年度截止日期。" : $"已更新本地区{year}年度截止日期。");
    }

    /// <summary>
    /// What restoring the statutory deadlines would change, for the confirmation. At the top of the tree the year rows
    /// go back to 1月31日 (departments) and 3月31日 (governments) of the following year; below it the region's own
    /// dates are removed, so its agencies follow those that apply above it (the statutory ones unless an enclosing
    /// region set its own, which the plan shows).
    /// </summary>
    public async Task<DeadlineResetPlan> PlanResetAsync(UserScope scope, CancellationToken ct = default)
    {
        var reach = await AdminReach.OfAsync(db, scope, ct);
        if (reach is null || !reach.IsGovernmentOffice)
        {
            return new DeadlineResetPlan([], AdminReach.DepartmentRefusal, false);
        }

        return new DeadlineResetPlan(await ChangesAsync(reach, ct), null, reach.IsTopOfTree);
    }

    /// <summary>Restores the statutory deadlines in the admin's region (see <see cref="PlanResetAsync"/>), one audit line per year, old → new.</summary>
    public async Task<AdminResult> ResetDeadlinesAsync(UserScope scope, CancellationToken ct = default)
    {
        if (await AdminReach.OfAsync(db, scope, ct) is not { } reach)
        {
            return AdminResult.NotFound();
        }

        if (!reach.IsGovernmentOffice)
        {
            return AdminResult.Refused(AdminReach.DepartmentRefusal);
        }

        var changes = await ChangesAsync(reach, ct);
        if (changes.Count == 0)
        {
            return AdminResult.Ok("本地区各年度已是法定截止日期，无需恢复。");
        }

        var years = changes.Select(c => c.Year).ToList();
        if (reach.IsTopOfTree)
        {
            foreach (var row in await db.ReportingYears.Where(y => years.Contains(y.Year)).ToListAsync(ct))
            {
                var change = changes.Single(c => c.Year == row.Year);
                row.SetDeadlines(change.StatutoryDepartment, change.StatutoryGovernment);
            }
        }

        db.DeadlineOverrides.RemoveRange(await db.DeadlineOverrides.Where(o => o.RegionAgencyId == reach.AgencyId).ToListAsync(ct));
        foreach (var c in changes)
        {
            var (old, updated) = (Dates(c.Department, c.Government), Dates(c.StatutoryDepartment, c.StatutoryGovernment));
            Audit(reach, AuditActions.DeadlinesChanged, $"{c.Year}年度截止日期恢复为法定日期{(reach.IsTopOfTree ? string.Empty : "（本地区）")}：{old} → {updated}", old, updated);
        }

        await db.SaveChangesAsync(ct);
        return AdminResult.Ok($"已恢复{string.Join("、", years.Order().Select(y => $"{y}年度"))}的法定截止日期。");
    }

    // Each year whose deadlines in the region differ from what the reset leaves, with both.
    private async Task<List<DeadlineReset>> ChangesAsync(AdminReach reach, CancellationToken ct)
    {
        var years = await db.ReportingYears.AsNoTracking().OrderBy(y => y.Year).ToListAsync(ct);
        var path = reach.AgencyPath;
        var onPath = (await db.DeadlineOverrides.AsNoTracking().ToListAsync(ct)).Where(o => path.StartsWith(o.AgencyPath, StringComparison.Ordinal)).ToList();
        var changes = new List<DeadlineReset>();
        foreach (var year in years)
        {
            var here = onPath.Where(o => o.Year == year.Year).OrderByDescending(o => o.AgencyPath.Length).ToList();
            var above = here.Where(o => o.RegionAgencyId != reach.AgencyId).ToList();
            var (department, government) = (Effective(here, o => o.DepartmentDeadline, year.DepartmentDeadline), Effective(here, o => o.GovernmentDeadline, year.GovernmentDeadline));
            var (afterDepartment, afterGovernment) = reach.IsTopOfTree
                ? (new DateOnly(year.Year + 1, 1, 31), new DateOnly(year.Year + 1, 3, 31))
                : (Effective(above, o => o.DepartmentDeadline, year.DepartmentDeadline), Effective(above, o => o.GovernmentDeadline, year.GovernmentDeadline));
            if (department != afterDepartment || government != afterGovernment || here.Count != above.Count)
            {
                changes.Add(new DeadlineReset(year.Year, department, government, afterDepartment, afterGovernment));
            }
        }

        return changes;
    }

    // The deepest region's own date wins, as Deadlines.For decides for an agency.
    private static DateOnly Effective(IEnumerable<DeadlineOverride> deepestFirst, Func<DeadlineOverride, DateOnly?> date, DateOnly statutory) =>
        deepestFirst.Select(date).FirstOrDefault(d => d is not null) ?? statutory;

    /// <summary>The top-of-tree government's admin, or the refusal the others get.</summary>
    private async Task<(AdminReach? Reach, AdminResult? Refusal)> CalendarOwnerAsync(UserScope scope, CancellationToken ct)
    {
        var reach = await AdminReach.OfAsync(db, scope, ct);
        return reach switch
        {
            null => (null, AdminResult.NotFound()),
            { IsGovernmentOffice: false } => (null, AdminResult.Refused(AdminReach.DepartmentRefusal)),
            { IsTopOfTree: false } => (null, AdminResult.Refused("报告年度由最上级人民政府的管理员添加、开放和关闭；本地区的截止日期可在下方设置。")),
            _ => (reach, null),
        };
    }

    private void Audit(AdminReach reach, string action, string detail, string? old, string? updated) =>
        db.AuditEntries.Add(AuditEntry.Administrative(reach.Scope.Actor, clock.GetUtcNow(), action, reach.AgencyId, detail, old, updated));

    private static string OpenText(bool open) => open ? "开放" : "关闭";

    private static string Dates(DateOnly department, DateOnly government) => $"部门{department:yyyy-MM-dd}，政府{government:yyyy-MM-dd}";
}
