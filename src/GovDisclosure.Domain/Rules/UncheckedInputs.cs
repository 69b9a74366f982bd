using FluentValidation;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Domain.Rules;

/// <summary>
/// W_UNCHECKED: a rule whose inputs include cells the importer could not read is not applied (a refused
/// table is not a table of zeros) and says so instead, naming the missing cells. One finding per rule id,
/// anchored to it, so that a 说明 written for it survives while the cells are being filled in.
/// </summary>
internal static class UncheckedInputs
{
    private const int RowsNamed = 4;

    /// <summary>What a rule could not check and the unknown cells it needed; the anchor is the rule id (and what, when a rule has several).</summary>
    internal sealed record Item(string Anchor, string Message, IReadOnlyList<string> Missing);

    /// <summary>One item for a rule whose checks lacked <paramref name="missing"/>, or none when nothing was missing.</summary>
    /// <param name="part">Set when one rule can give several items (W_NARRATIVE: requests, 复议, 诉讼), so each keeps its own 说明.</param>
    public static IEnumerable<Item> For(ReportDocument report, string ruleId, string what, IEnumerable<string> missing, string? part = null)
    {
        var cells = report.Definition.Cells.Select(c => c.Code).Where(missing.ToHashSet(StringComparer.Ordinal).Contains).ToList();
        if (cells.Count > 0)
        {
            yield return new Item(part is null ? ruleId : $"{ruleId}:{part}", $"无法核对：{what}，缺少{Names(report.Definition, cells)}的数值（导入时未能读取，不按0计）", cells);
        }
    }

    /// <summary>Reports each item as a W_UNCHECKED warning anchored to the rule it stands for.</summary>
    public static void ReportsUnchecked(this IRuleBuilderInitialCollection<CheckContext, Item> rule) =>
        rule.Must(_ => false)
            .ReportsAs(RuleIds.Unchecked, FindingSeverity.Warning, i => i.Missing, i => i.Anchor, i => i.Message);

    /// <summary>Names cells briefly, grouped by row: 「四 行政复议：结果维持、结果纠正；…」.</summary>
    private static string Names(TemplateDefinition definition, IReadOnlyList<string> codes)
    {
        var rows = codes.Select(definition.Cell)
            .GroupBy(c => c.RowName)
            .Select(g => $"“{g.Key}”{string.Join("、", g.Select(c => c.ColumnLabel))}")
            .ToList();
        return rows.Count <= RowsNamed ? string.Join("；", rows) : $"{string.Join("；", rows.Take(RowsNamed))}等{rows.Count}行";
    }
}
