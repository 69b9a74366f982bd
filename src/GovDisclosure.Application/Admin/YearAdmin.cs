using GovDisclosure.Application.Common;
using GovDisclosure.Domain;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Application.Admin;

/// <summary>A reporting year as the admin page lists it.</summary>
public sealed record YearRow(int Year, TemplateVersion Template, bool IsOpen, DateOnly DepartmentDeadline, DateOnly GovernmentDeadline);

/// <summary>
/// Reporting years: add one, open or close it, set its deadlines. Years are national, so the scope is not checked
/// yet; it is taken so that a regional rule can be added here without touching the page.
/// </summary>
public sealed class YearAdmin(IGovDisclosureDb db)
{
    public async Task<IReadOnlyList<YearRow>> ListAsync(UserScope scope, CancellationToken ct = default) =>
        await db.ReportingYears.AsNoTracking().OrderByDescending(y => y.Year)
            .Select(y => new YearRow(y.Year, y.Template, y.IsOpen, y.DepartmentDeadline, y.GovernmentDeadline))
            .ToListAsync(ct);

    public async Task<AdminResult> AddAsync(UserScope scope, int year, CancellationToken ct = default)
    {
        if (await db.ReportingYears.AnyAsync(y => y.Year == year, ct))
        {
            return AdminResult.Refused($"{year}年度已存在。");
        }

        try
        {
            db.ReportingYears.Add(new ReportingYear(year, isOpen: false));
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
        var reportingYear = await db.ReportingYears.SingleOrDefaultAsync(y => y.Year == year, ct);
        if (reportingYear is null)
        {
            return AdminResult.NotFound();
        }

        reportingYear.SetOpen(open);
        await db.SaveChangesAsync(ct);
        return AdminResult.Ok(open ? $"{year}年度已开放填报。" : $"{year}年度已关闭，不能再新建报告。");
    }

    public async Task<AdminResult> SetDeadlinesAsync(UserScope scope, int year, DateOnly department, DateOnly government, CancellationToken ct = default)
    {
        var reportingYear = await db.ReportingYears.SingleOrDefaultAsync(y => y.Year == year, ct);
        if (reportingYear is null)
        {
            return AdminResult.NotFound();
        }

        try
        {
            reportingYear.SetDeadlines(department, government);
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return AdminResult.Refused(e.Message);
        }

        return AdminResult.Ok($"已更新{year}年度截止日期。");
    }
}
