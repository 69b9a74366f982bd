using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Infrastructure.Data;
using GovDisclosure.Infrastructure.Reports;
using GovDisclosure.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Web.Pages.Work;

/// <summary>The filler's dashboard: the agency's reports by year, their deadlines, and starting this year's report.</summary>
public sealed class IndexModel(GovDisclosureDbContext db, TimeProvider clock, StartReport startReport) : PageModel
{
    public IReadOnlyList<ReportRow> Reports { get; private set; } = [];

    /// <summary>Open years without a report yet: each can be started.</summary>
    public IReadOnlyList<int> StartableYears { get; private set; } = [];

    public string AgencyName { get; private set; } = string.Empty;

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        var scope = User.RequiredScope();
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == scope.AgencyId);
        var years = await db.ReportingYears.AsNoTracking().OrderByDescending(y => y.Year).ToListAsync();
        var overrides = await db.DeadlineOverrides.AsNoTracking().ToListAsync();
        var reports = await db.Reports.AsNoTracking().EditableBy(scope)
            .OrderByDescending(r => r.Year)
            .Select(r => new
            {
                r.Id,
                r.Year,
                r.State,
                r.Revision,
                r.Title,
                r.UpdatedAt,
                FirstPublished = db.Publications.Where(p => p.ReportId == r.Id).Min(p => (DateTimeOffset?)p.PublishedAt),
            })
            .ToListAsync();

        Today = Deadlines.BeijingDate(clock.GetUtcNow());
        AgencyName = agency.Name;
        Reports = reports.Select(r =>
        {
            var year = years.FirstOrDefault(y => y.Year == r.Year);
            var deadline = year is null ? (DateOnly?)null : Deadlines.For(year, agency, overrides);
            var status = deadline is null ? (DeadlineStatus?)null
                : Deadlines.Status(deadline.Value, r.FirstPublished is { } p ? Deadlines.BeijingDate(p) : null, Today);
            return new ReportRow(r.Id, r.Year, r.Title, r.State, r.Revision, deadline, status, deadline is null ? null : deadline.Value.DayNumber - Today.DayNumber);
        }).ToList();
        StartableYears = years.Where(y => y.IsOpen && reports.All(r => r.Year != y.Year)).Select(y => y.Year).ToList();
    }

    public async Task<IActionResult> OnPostStartAsync(int year)
    {
        var scope = User.RequiredScope();
        var reportingYear = await db.ReportingYears.AsNoTracking().SingleOrDefaultAsync(y => y.Year == year);
        if (reportingYear is not { IsOpen: true })
        {
            TempData["StatusMessage"] = $"{year}年度未开放填报。";
            return RedirectToPage();
        }

        if (await db.Reports.EditableBy(scope).AnyAsync(r => r.Year == year))
        {
            TempData["StatusMessage"] = $"本单位{year}年度报告已存在。";
            return RedirectToPage();
        }

        // StartReport carries over last year's *published* figures; a draft never counts.
        var result = await startReport.ExecuteAsync(scope, year);
        TempData["StatusMessage"] = result.Message;
        return result.IsOk ? RedirectToPage("/Work/Reports/Edit", new { id = result.ReportId }) : RedirectToPage();
    }

    public sealed record ReportRow(int Id, int Year, string Title, ReportState State, int Revision, DateOnly? Deadline, DeadlineStatus? Status, int? DaysLeft);
}
