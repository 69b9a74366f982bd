using GovDisclosure.Application.Common;
using GovDisclosure.Application.Reports;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovDisclosure.Web.Pages.Review;

/// <summary>The reviewer's queue: reports of the agencies in scope, filtered by year, state, agency and overdue.</summary>
public sealed class IndexModel(ReportQueries reports, DeadlineQueries deadlines, DashboardQueries dashboard, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public ReportState? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? AgencyId { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyDictionary<ReportState, int> Counts { get; private set; } = new Dictionary<ReportState, int>();

    public IReadOnlyList<(int Id, string Name)> Agencies { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var scope = User.RequiredScope();
        var all = await reports.ListAsync(scope, Year, state: null, AgencyId, ReportAccess.Review);
        Counts = all.GroupBy(r => r.State).ToDictionary(g => g.Key, g => g.Count());

        var today = Deadlines.BeijingDate(clock.GetUtcNow());
        var standing = new Dictionary<(int Year, int AgencyId), DateOnly>();
        foreach (var year in all.Select(r => r.Year).Distinct())
        {
            foreach (var deadline in await deadlines.ForUserAsync(scope, year, today))
            {
                standing[(year, deadline.AgencyId)] = deadline.Deadline;
            }
        }

        var rows = all.Where(r => State is not { } state || r.State == state).Select(r =>
        {
            DateOnly? deadline = standing.TryGetValue((r.Year, r.AgencyId), out var d) ? d : null;
            var overdue = deadline is { } due && r.State != ReportState.Published && today > due;
            return new Row(r.Id, r.Year, r.AgencyName, r.Title, r.State, r.Revision, r.SubmittedAt, deadline, overdue);
        });
        Rows = (Overdue ? rows.Where(r => r.IsOverdue) : rows).ToList();
        Agencies = await dashboard.AgenciesAsync(scope);
        Years = (await dashboard.YearsAsync()).Select(y => y.Year).ToList();
    }

    public sealed record Row(int Id, int Year, string AgencyName, string Title, ReportState State, int Revision, DateTimeOffset? SubmittedAt, DateOnly? Deadline, bool IsOverdue);
}
