using GovDisclosure.Application.Approval;
using GovDisclosure.Application.Common;
using GovDisclosure.Application.Reports;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovDisclosure.Web.Pages.Review;

/// <summary>
/// The reviewer's queue: reports of the agencies in scope, filtered by year, state, agency, overdue and "waiting at my
/// level"; a submitted report shows the level it waits at, and the overdue ones are counted by that level.
/// </summary>
public sealed class IndexModel(ReportQueries reports, DeadlineQueries deadlines, DashboardQueries dashboard, ApprovalChains approvals, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public ReportState? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? AgencyId { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    /// <summary>Only the reports waiting at a level this reviewer may approve.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>Overdue, unpublished reports by the stage they are stuck at (草稿, 待本机关审核, 待政府办审核, 已通过…).</summary>
    public IReadOnlyList<(string Stage, int Count)> OverdueByStage { get; private set; } = [];

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

        var stages = await approvals.StagesAsync(scope);
        var mine = (await approvals.QueueAsync(scope)).Select(q => q.ReportId).ToHashSet();
        var rows = all.Select(r =>
        {
            DateOnly? deadline = standing.TryGetValue((r.Year, r.AgencyId), out var d) ? d : null;
            var overdue = deadline is { } due && r.State != ReportState.Published && today > due;
            return new Row(r.Id, r.Year, r.AgencyName, r.Title, r.State, r.Revision, r.SubmittedAt, deadline, overdue, stages.GetValueOrDefault(r.Id) ?? r.State.DisplayName());
        }).ToList();
        OverdueByStage = rows.Where(r => r.IsOverdue).GroupBy(r => r.Stage).Select(g => (g.Key, g.Count())).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var shown = rows.Where(r => State is not { } state || r.State == state);
        shown = Overdue ? shown.Where(r => r.IsOverdue) : shown;
        Rows = (Mine ? shown.Where(r => mine.Contains(r.Id)) : shown).ToList();
        Agencies = await dashboard.AgenciesAsync(scope);
        Years = (await dashboard.YearsAsync()).Select(y => y.Year).ToList();
    }

    public sealed record Row(int Id, int Year, string AgencyName, string Title, ReportState State, int Revision, DateTimeOffset? SubmittedAt, DateOnly? Deadline, bool IsOverdue, string Stage);
}
