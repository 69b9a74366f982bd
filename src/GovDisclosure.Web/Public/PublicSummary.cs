using GovDisclosure.Application.Reports;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Infrastructure.Public;

namespace GovDisclosure.Web.Public;

/// <summary>
/// A region's 汇总 for a year: the sums of the published cells, the totals worked out where every report left
/// them blank, and the on-time board. Shared by the /Summary page and GET /api/summary so both say the same.
/// </summary>
public sealed record PublicSummary(
    int Year,
    TemplateVersion Template,
    PublicAgency? Region,
    string RegionPath,
    int Reports,
    IReadOnlyDictionary<string, decimal> Sums,
    IReadOnlyDictionary<string, decimal> Derived,
    IReadOnlyList<AgencyDeadline> Board)
{
    /// <summary>Null when a region was named that does not exist.</summary>
    public static async Task<PublicSummary?> LoadAsync(PublicQueries queries, DeadlineQueries deadlines, TimeProvider clock, int year, string? region, CancellationToken ct)
    {
        PublicAgency? regionAgency = null;
        if (!string.IsNullOrWhiteSpace(region))
        {
            regionAgency = await queries.RegionAsync(region.Trim(), ct);
            if (regionAgency is null)
            {
                return null;
            }
        }

        var path = regionAgency?.Path ?? "/";
        var template = TemplateVersions.ForYear(year);
        var board = await deadlines.ForRegionAsync(path, year, Deadlines.BeijingDate(clock.GetUtcNow()), ct);
        var (reports, sums) = await queries.SummaryAsync(year, path, board.Select(b => b.AgencyId).ToHashSet(), ct);

        // The sums as a document of the year's template, so blank totals are worked out by the same rules as a report's.
        var document = new ReportDocument(template, year, regionAgency?.Name ?? "全部", string.Empty);
        foreach (var (code, value) in sums.Where(s => document.Definition.HasCell(s.Key)))
        {
            document.Cells[code] = value;
        }

        var written = document.Cells.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        return new PublicSummary(year, template, regionAgency, path, reports, written, ReportTotals.Derived(document), board);
    }
}

/// <summary>A warning of a published report with the 说明 the agency published with it.</summary>
public sealed record PublicWarning(string RuleId, IReadOnlyList<string> CellCodes, string Message, string? Explanation)
{
    /// <summary>
    /// Pairs each warning with its 说明 from the published snapshot. A 说明 whose warning no longer arises
    /// (last year's report was corrected since) is still shown: it was published and the public may read it.
    /// </summary>
    public static IReadOnlyList<PublicWarning> Pair(IReadOnlyList<Finding> warnings, IReadOnlyDictionary<string, string> explanations)
    {
        var list = warnings.Select(w => new PublicWarning(w.RuleId, w.CellCodes, w.Message, explanations.GetValueOrDefault(w.Key))).ToList();
        var keys = warnings.Select(w => w.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, text) in explanations.Where(e => !keys.Contains(e.Key)).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            // Keys are "RULE", "RULE:cell,cell" or "RULE@anchor" (Finding.Key).
            var rule = key.Split([':', '@'], 2)[0];
            var cells = key.Contains(':', StringComparison.Ordinal) ? key[(key.IndexOf(':', StringComparison.Ordinal) + 1)..].Split(',') : [];
            list.Add(new PublicWarning(rule, cells, string.Empty, text));
        }

        return list;
    }
}
