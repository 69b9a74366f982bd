using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Domain.Reports;

/// <summary>
/// Arithmetic over a report: a blank counts as 0 (report-templates.md §6.6) and a blank total is
/// computed from its parts. Written totals are never overwritten; rules compare them with their parts.
/// </summary>
public static class ReportTotals
{
    /// <summary>The value used for arithmetic: what the agency wrote, else the computed total, else 0.</summary>
    public static decimal Effective(ReportDocument report, string code)
    {
        var written = report.Cells.Get(code);
        if (written is not null)
        {
            return written.Value;
        }

        var rule = report.Definition.Sums.FirstOrDefault(s => s.Total == code);
        return rule is null ? 0m : rule.Parts.Sum(p => Effective(report, p));
    }

    /// <summary>
    /// The cells among <paramref name="codes"/> whose value is not known, in template order: cells the importer
    /// could not read, and for a blank total the unknown cells among its parts (the computed total needs them).
    /// </summary>
    public static IReadOnlyList<string> Unknown(ReportDocument report, IEnumerable<string> codes)
    {
        if (report.Cells.Unknown.Count == 0)
        {
            return [];
        }

        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(codes);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            var code = pending.Pop();
            if (!seen.Add(code))
            {
                continue;
            }

            if (report.Cells.IsUnknown(code))
            {
                found.Add(code);
            }
            else if (report.Cells.IsBlank(code) && report.Definition.Sums.FirstOrDefault(s => s.Total == code) is { } rule)
            {
                foreach (var part in rule.Parts)
                {
                    pending.Push(part);
                }
            }
        }

        return report.Definition.Cells.Select(c => c.Code).Where(found.Contains).ToList();
    }

    /// <summary>The sum of a rule's parts, each by its effective value.</summary>
    public static decimal SumOfParts(ReportDocument report, SumRule rule) => rule.Parts.Sum(p => Effective(report, p));

    /// <summary>Totals the agency left blank, computed from their parts (the interchange document's "derived").</summary>
    public static IReadOnlyDictionary<string, decimal> Derived(ReportDocument report)
    {
        var derived = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var total in report.Definition.Sums.Select(s => s.Total).Distinct())
        {
            if (report.Cells.IsBlank(total))
            {
                derived[total] = Effective(report, total);
            }
        }

        return derived;
    }

    /// <summary>
    /// What a reader sees in each cell of the published report, the web page and the PDF alike: the value the
    /// agency wrote, or for a blank total the value computed from its parts. Cells absent here show a blank.
    /// </summary>
    public static IReadOnlyDictionary<string, decimal> Shown(ReportDocument report)
    {
        var shown = new Dictionary<string, decimal>(Derived(report), StringComparer.Ordinal);
        foreach (var (code, value) in report.Cells)
        {
            shown[code] = value;
        }

        return shown;
    }
}
