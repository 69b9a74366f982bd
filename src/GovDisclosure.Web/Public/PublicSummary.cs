using GovDisclosure.Application.Reports;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Rules;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Infrastructure.Public;

namespace GovDisclosure.Web.Public;

/// <summary>
/// A region's 汇总 for a year: the sums of the published cells, the totals worked out where every report left
/// them blank, and the on-time board's counts (the agencies one by one are on /OnTime: a province has thousands).
/// Shared by the /Summary page and GET /api/summary so both say the same. Every part is a fixed number of queries
/// over the rollup and one grouped count, so its cost does not grow with the region's reports.
/// </summary>
public sealed record PublicSummary(
    int Year,
    TemplateVersion Template,
    PublicAgency? Region,
    string RegionPath,
    int Reports,
    IReadOnlyDictionary<string, decimal> Sums,
    IReadOnlyDictionary<string, decimal> Derived,
    DeadlineCounts Board)
{
    /// <summary>Null when a region was named that does not exist.</summary>
    public static async Task<PublicSummary?> LoadAsync(PublicQueries queries, TimeProvider clock, int year, string? region, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(queries);
        if (string.IsNullOrWhiteSpace(region))
        {
            return await LoadAsync(queries, clock, year, regionAgency: null, ct);
        }

        return await queries.RegionAsync(region.Trim(), ct) is { } found ? await LoadAsync(queries, clock, year, found, ct) : null;
    }

    /// <summary>The summary of a region already looked up (null: the whole portal).</summary>
    public static async Task<PublicSummary> LoadAsync(PublicQueries queries, TimeProvider clock, int year, PublicAgency? regionAgency, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(clock);
        var path = regionAgency?.Path ?? "/";
        var template = TemplateVersions.ForYear(year);
        var board = await queries.BoardCountsAsync(path, year, Deadlines.BeijingDate(clock.GetUtcNow()), ct);
        var (reports, sums) = await queries.SummaryAsync(year, regionAgency, ct);

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

/// <summary>
/// A warning as the public reads it: the plain rule name and the sentence worded now from the facts stored at
/// publication, with the 说明 the agency published. The rule id and the numbers stay available as data (the API).
/// </summary>
public sealed record PublicWarning(
    string RuleId, string RuleName, IReadOnlyList<string> CellCodes, string Message, IReadOnlyDictionary<string, decimal> Numbers, string? Explanation)
{
    public static IReadOnlyList<PublicWarning> From(IReadOnlyList<PublishedFinding> findings, TemplateDefinition definition) =>
        findings.Select(f => new PublicWarning(f.RuleId, FindingText.RuleName(f.RuleId), f.CellCodes,
            // An imported history's importer findings are about the source file; their own sentence says it best.
            f.Terms.TryGetValue(PublishedFinding.ImportMessageTerm, out var message) ? message : FindingText.Describe(f, definition), f.Numbers, f.Explanation))
            .ToList();

    /// <summary>The warnings as findings for the report's tables, which mark the cells concerned and link to the list.</summary>
    public static IReadOnlyList<Finding> AsFindings(IReadOnlyList<PublicWarning> warnings) =>
        warnings.Select(w => new Finding(w.RuleId, FindingSeverity.Warning, w.CellCodes, w.Message)).ToList();
}
