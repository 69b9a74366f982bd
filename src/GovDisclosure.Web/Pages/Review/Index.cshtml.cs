using GovDisclosure.Application.Common;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Infrastructure.Data;
using GovDisclosure.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Web.Pages.Review;

/// <summary>The reviewer's queue: reports of the agencies in scope, filtered by year, state, agency and overdue.</summary>
public sealed class IndexModel(GovDisclosureDbContext db, TimeProvider clock) : PageModel
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
        var query = db.Reports.AsNoTracking().ReviewableBy(scope);
        if (Year is { } year)
        {
            query = query.Where(r => r.Year == year);
        }

        if (AgencyId is { } agencyId)
        {
            query = query.Where(r => r.AgencyId == agencyId);
        }

        Counts = (await query.GroupBy(r => r.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync())
            .ToDictionary(x => x.Key, x => x.Count);
        if (State is { } state)
        {
            query = query.Where(r => r.State == state);
        }

        var reports = await query.OrderByDescending(r => r.Year).ThenBy(r => r.Agency!.Path)
            .Select(r => new { r.Id, r.Year, r.Title, r.State, r.Revision, r.SubmittedAt, Agency = r.Agency! })
            .ToListAsync();
        var years = await db.ReportingYears.AsNoTracking().ToListAsync();
        var overrides = await db.DeadlineOverrides.AsNoTracking().ToListAsync();
        var today = Deadlines.BeijingDate(clock.GetUtcNow());
        var rows = reports.Select(r =>
        {
            var deadline = years.FirstOrDefault(y => y.Year == r.Year) is { } y ? Deadlines.For(y, r.Agency, overrides) : (DateOnly?)null;
            var overdue = deadline is { } d && r.State != ReportState.Published && today > d;
            return new Row(r.Id, r.Year, r.Agency.Name, r.Title, r.State, r.Revision, r.SubmittedAt, deadline, overdue);
        });
        Rows = (Overdue ? rows.Where(r => r.IsOverdue) : rows).ToList();
        Agencies = (await db.Agencies.AsNoTracking().Where(a => a.Path.StartsWith(scope.AgencyPath)).OrderBy(a => a.Path).Select(a => new { a.Id, a.Name }).ToListAsync())
            .Select(a => (a.Id, a.Name)).ToList();
        Years = years.Select(y => y.Year).OrderDescending().ToList();
    }

    public sealed record Row(int Id, int Year, string AgencyName, string Title, ReportState State, int Revision, DateTimeOffset? SubmittedAt, DateOnly? Deadline, bool IsOverdue);
}
