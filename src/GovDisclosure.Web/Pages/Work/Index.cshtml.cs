using GovDisclosure.Application.Common;
using GovDisclosure.Application.Reports;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovDisclosure.Web.Pages.Work;

/// <summary>The filler's dashboard: the agency's reports by year, their deadlines, and starting this year's report.</summary>
public sealed class IndexModel(ReportQueries reports, DeadlineQueries deadlines, DashboardQueries dashboard, TimeProvider clock, StartReport startReport) : PageModel
{
    public IReadOnlyList<ReportRow> Reports { get; private set; } = [];

    /// <summary>Open years without a report yet: each can be started.</summary>
    public IReadOnlyList<int> StartableYears { get; private set; } = [];

    public string AgencyName { get; private set; } = string.Empty;

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        var scope = User.RequiredScope();
        Today = Deadlines.BeijingDate(clock.GetUtcNow());
        AgencyName = (await dashboard.OwnAgencyAsync(scope.AgencyId))?.Name ?? string.Empty;
        var years = await dashboard.YearsAsync();
        var own = await reports.ListAsync(scope, access: ReportAccess.Edit);

        // Deadlines per year the agency has a report in: the same scoped query the reviewers' overview reads.
        var standing = new Dictionary<int, AgencyDeadline>();
        foreach (var year in own.Select(r => r.Year).Distinct())
        {
            if ((await deadlines.ForUserAsync(scope, year, Today)).FirstOrDefault(d => d.AgencyId == scope.AgencyId) is { } deadline)
            {
                standing[year] = deadline;
            }
        }

        Reports = own.Select(r =>
        {
            var deadline = standing.GetValueOrDefault(r.Year);
            return new ReportRow(r.Id, r.Year, r.Title, r.State, r.Revision, deadline?.Deadline, deadline?.Status,
                deadline is null ? null : deadline.Deadline.DayNumber - Today.DayNumber);
        }).ToList();
        StartableYears = years.Where(y => y.IsOpen && own.All(r => r.Year != y.Year)).Select(y => y.Year).ToList();
    }

    /// <summary>StartReport checks the year is open and the report new, and carries over last year's *published* figures.</summary>
    public async Task<IActionResult> OnPostStartAsync(int year)
    {
        var result = await startReport.ExecuteAsync(User.RequiredScope(), year);
        TempData["StatusMessage"] = result.Message;
        return result.IsOk ? RedirectToPage("/Work/Reports/Edit", new { id = result.ReportId }) : RedirectToPage();
    }

    public sealed record ReportRow(int Id, int Year, string Title, ReportState State, int Revision, DateOnly? Deadline, DeadlineStatus? Status, int? DaysLeft);
}
