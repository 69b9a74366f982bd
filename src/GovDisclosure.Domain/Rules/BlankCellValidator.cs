using FluentValidation;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Domain.Rules;

/// <summary>
/// W_BLANK_AS_ZERO: blanks are counted as 0 but many review notices want an explicit 0 (report-templates.md §6.6).
/// One finding per table, not per cell or per row: every warning needs a written 说明 before submission, and
/// a sparse table 三 would otherwise ask for twenty of them about one habit. The finding still lists every cell,
/// but is keyed by its table, so filling some of the blanks keeps the 说明 written for the rest.
/// Blank totals are computed, so they are not blanks in this sense; cells the importer could not read are
/// unknown, not blank (W_UNCHECKED speaks for them).
/// </summary>
internal sealed class BlankCellValidator : AbstractValidator<CheckContext>
{
    private const int RowsNamed = 6;

    public BlankCellValidator()
    {
        RuleForEach(c => Tables(c.Report).Where(t => !(c.WhileEditing && t.Untouched)))
            .Must(t => t.Blanks.Count == 0)
            .ReportsAs(RuleIds.BlankAsZero, FindingSeverity.Warning, t => t.Blanks.Select(b => b.Code), t => t.TableId, Message);
    }

    private static IEnumerable<TableBlanks> Tables(ReportDocument report)
    {
        var definition = report.Definition;
        var computed = definition.Sums.Select(s => s.Total).ToHashSet(StringComparer.Ordinal);
        foreach (var section in definition.Sections)
        {
            foreach (var table in section.Tables)
            {
                var blanks = table.Rows.SelectMany(r => r.Cells)
                    .Where(cell => report.Cells.IsBlank(cell.Code) && !report.Cells.IsUnknown(cell.Code) && !computed.Contains(cell.Code))
                    .ToList();
                var name = table.Caption is null ? section.Heading : $"{section.Heading} {table.Caption}";
                var untouched = table.Rows.SelectMany(r => r.Cells).All(cell => report.Cells.IsBlank(cell.Code) && !report.Cells.IsUnknown(cell.Code));
                yield return new TableBlanks(table.Id, name, blanks, untouched);
            }
        }
    }

    private static string Message(TableBlanks t)
    {
        var rows = t.Blanks.GroupBy(b => b.RowName).Select(g => $"{g.Key}：{string.Join("、", g.Select(c => c.ColumnLabel))}").ToList();
        var listed = rows.Count <= RowsNamed ? string.Join("；", rows) : $"{string.Join("；", rows.Take(RowsNamed))}；另有{rows.Count - RowsNamed}行";
        return $"{t.Name}有{t.Blanks.Count}个单元格空白，已按0计算（{listed}）。如确为0，请填写0";
    }

    /// <param name="Untouched">Nothing at all was written in the table, totals included.</param>
    private sealed record TableBlanks(string TableId, string Name, IReadOnlyList<CellDefinition> Blanks, bool Untouched);
}
