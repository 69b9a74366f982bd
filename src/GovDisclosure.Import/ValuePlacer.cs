using System.Globalization;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Import;

/// <summary>
/// Places each run's values into the cells of its row in the report's template, and says what it could not
/// place: a row with too many or too few values is left blank and named, never filled by guesswork.
/// </summary>
internal static class ValuePlacer
{
    public static void Place(ReportDocument report, List<Run> runs, List<Finding> findings)
    {
        var definition = report.Definition;
        var placed = new Dictionary<string, Run>(StringComparer.Ordinal);
        foreach (var run in runs)
        {
            var row = RowKeys.Find(definition, run.RowKey);
            if (row is null)
            {
                if (run.HasNumbers)
                {
                    findings.Add(new Finding(ImportRuleIds.Unplaced, FindingSeverity.Error, [],
                        $"“{run.Label}”一行不属于{definition.Name}，其数值（{Values(run.Tokens)}）未导入。"));
                }

                continue;
            }

            if (!run.HasNumbers)
            {
                continue;
            }

            var rowName = RowName(definition, row);
            var key = run.RowKey;
            if (run.Group is { } group && group.Offset + group.Width <= row.Cells.Count)
            {
                // One group of a label-less table written as a table of its own: its cells are that slice of the row.
                row = row with { Cells = row.Cells.Skip(group.Offset).Take(group.Width).ToList() };
                rowName = row.Cells[0].RowName;
                key = $"{run.RowKey}@{group.Offset}";
            }

            if (placed.TryGetValue(key, out var first))
            {
                if (Values(first.Tokens) != Values(run.Tokens))
                {
                    findings.Add(new Finding(ImportRuleIds.Duplicate, FindingSeverity.Error, row.Cells.Select(c => c.Code).Take(1).ToList(),
                        $"“{rowName}”出现两次且数值不同（{Values(first.Tokens)}；{Values(run.Tokens)}），已保留第一次的数值，请核对。"));
                }

                continue;
            }

            placed[key] = run;
            PlaceRow(report, row, rowName, run, findings);
        }
    }

    private static void PlaceRow(ReportDocument report, RowDefinition row, string rowName, Run run, List<Finding> findings)
    {
        var n = row.Cells.Count;
        var tokens = run.Tokens;
        var firstNumber = tokens.FindIndex(t => t.Kind == TokenKind.Number);
        var lastNumber = tokens.FindLastIndex(t => t.Kind == TokenKind.Number);
        var core = tokens.GetRange(firstNumber, lastNumber - firstNumber + 1);
        // A row whose last cell is the sum of all the others (table 三's 总计).
        var hasTotal = report.Definition.Sums.Any(s => s.Total == row.Cells[^1].Code && s.Parts.Count == n - 1);

        if (core.Count > n)
        {
            // A row split over two lines: the tabs that ended the first line were no cells.
            var hard = core.Where(t => !(t.Kind == TokenKind.Blank && t.Soft)).ToList();
            if (hard.Count == n)
            {
                Write(report, row, hard, run, findings);
                return;
            }

            findings.Add(new Finding(ImportRuleIds.Unplaced, FindingSeverity.Error, [row.Cells[0].Code],
                $"“{rowName}”一行有{core.Count}个单元格的数值（{Values(core)}），多于该行的{n}列，无法确定各数值所在列，该行未导入。"));
            MarkUnknown(report, row);
            return;
        }

        if (core.Count == n)
        {
            Write(report, row, core, run, findings);
            return;
        }

        // One value short, the last the sum of the others and every one in between 0: the row's total says
        // the missing cell is 0 too, wherever it was. Not when a blank cell of its own line precedes the
        // values: then the blank is the first column, as in a one-cell-per-line extraction.
        // A row label written as a heading over its values (Markdown from a PDF) leaves the values' blanks on a line
        // of several cells: only a blank alone on its line is a cell by itself.
        var leadingOwnLine = tokens.Take(firstNumber).Count(t => t.Line != run.Line && t.Alone);
        if (hasTotal && core.Count == n - 1 && leadingOwnLine == 0 && core.All(t => t.Kind == TokenKind.Number))
        {
            var numbers = core.Select(t => t.Value!.Number).ToList();
            // All zeros says nothing about where the gap is: a blank 总计 after six zeros is read by position below.
            if (numbers[0] != 0 && numbers[^1] == numbers.Take(numbers.Count - 1).Sum() && numbers.Skip(1).Take(numbers.Count - 2).All(v => v == 0))
            {
                var filled = new List<Token> { core[0] };
                for (var i = 1; i < n - 1; i++)
                {
                    filled.Add(new Token(TokenKind.Number, "0", run.Line, new CellValue(0, MoneyUnit.None, "0"), null));
                }

                filled.Add(core[^1]);
                Write(report, row, filled, run, findings);
                findings.Add(new Finding(ImportRuleIds.Inferred, FindingSeverity.Warning, row.Cells.Select(c => c.Code).ToList(),
                    $"“{rowName}”一行原文只有{core.Count}个数值（{Values(core)}），应为{n}个；末个数值等于其余之和，已按“{row.Cells[0].ColumnLabel}{numbers[0]}、总计{numbers[^1]}、其余各列为0”导入，请核对原表。"));
                return;
            }
        }

        // Fewer values than columns: place them by position only when the source wrote the row's blank
        // cells, so every column is accounted for. Blanks on the label's own line may be merged label
        // cells; blanks on lines of their own are cells.
        if (tokens.Count >= n)
        {
            var sameLineLead = firstNumber - leadingOwnLine;
            var trailing = tokens.Count - lastNumber - 1;
            var offset = leadingOwnLine + Math.Max(0, Math.Min(sameLineLead, n - core.Count - leadingOwnLine - trailing));
            if (offset + core.Count <= n)
            {
                var cells = Enumerable.Repeat(new Token(TokenKind.Blank, string.Empty, run.Line, null, null), offset).Concat(core).ToList();
                Write(report, row, cells, run, findings);
                return;
            }
        }

        findings.Add(new Finding(ImportRuleIds.Unplaced, FindingSeverity.Error, [row.Cells[0].Code],
            $"“{rowName}”一行只有{core.Count}个数值（{Values(core)}），少于该行的{n}列，无法确定各数值所在列，该行未导入。"));
        MarkUnknown(report, row);
    }

    /// <summary>A row the source wrote but the importer could not read is unknown, not blank: the rules do not count it as 0.</summary>
    private static void MarkUnknown(ReportDocument report, RowDefinition row)
    {
        foreach (var cell in row.Cells)
        {
            report.Cells.MarkUnknown(cell.Code);
        }
    }

    private static void Write(ReportDocument report, RowDefinition row, List<Token> cells, Run run, List<Finding> findings)
    {
        for (var i = 0; i < cells.Count && i < row.Cells.Count; i++)
        {
            if (cells[i].Value is not { } value)
            {
                continue;
            }

            var cell = row.Cells[i];
            report.Cells[cell.Code] = cell.Kind == CellKind.Amount ? Amount(report, cell, value, run.HeaderUnit, findings) : value.Number;
        }
    }

    private static decimal Amount(ReportDocument report, CellDefinition cell, CellValue value, MoneyUnit headerUnit, List<Finding> findings)
    {
        var unit = value.Unit != MoneyUnit.None ? value.Unit : headerUnit;
        if (unit == MoneyUnit.None)
        {
            if (report.Definition.Import.AmountLabelsStateUnit)
            {
                // The column states 万元 in its label; a bare number is in 万元.
                unit = MoneyUnit.TenThousandYuan;
            }
            else
            {
                // A label without a unit (the 2019 format's 采购总金额). Whole numbers from 10 000 up are almost always yuan
                // (上海 wrote 251000元); smaller or fractional ones 万元. Either way the agency is asked.
                unit = value.Number >= 10_000m && decimal.Truncate(value.Number) == value.Number ? MoneyUnit.Yuan : MoneyUnit.TenThousandYuan;
                var converted = ValueParser.ToTenThousandYuan(value.Number, unit);
                findings.Add(new Finding(ImportRuleIds.Unit, FindingSeverity.Warning, [cell.Code],
                    $"“{cell.DisplayName}”未写单位（原文“{value.Raw}”），已按“{ValueParser.UnitName(unit)}”折算为{InterchangeJson.FormatValue(CellKind.Amount, converted)}万元；如单位不同请更正。"));
            }
        }

        var tenThousand = ValueParser.ToTenThousandYuan(value.Number, unit);
        var rounded = decimal.Round(tenThousand, CellKinds.AmountDecimals, MidpointRounding.AwayFromZero);
        if (rounded != tenThousand)
        {
            findings.Add(new Finding(ImportRuleIds.Rounded, FindingSeverity.Warning, [cell.Code],
                $"“{cell.DisplayName}”原文“{value.Raw}”折合{tenThousand.ToString(CultureInfo.InvariantCulture)}万元，超过4位小数（精确到元），已四舍五入为{InterchangeJson.FormatValue(CellKind.Amount, rounded)}万元。"));
        }

        return rounded;
    }

    /// <summary>How findings name a row: its cells' row name, or for a table without row labels (四) its section.</summary>
    internal static string RowName(TemplateDefinition definition, RowDefinition row) =>
        row.Label.Length == 0 ? definition.SectionOf(definition.Tables.First(t => t.Rows.Contains(row))).Heading : row.Cells[0].RowName;

    internal static string Values(IEnumerable<Token> tokens) => string.Join("、", tokens.Select(t => t.Kind == TokenKind.Number ? t.Text.Trim() : "空"));

    public static void ReportOrphans(List<(Token Token, string Context)> orphans, List<Finding> findings)
    {
        foreach (var group in orphans.GroupBy(o => o.Context, StringComparer.Ordinal))
        {
            findings.Add(new Finding(ImportRuleIds.Unplaced, FindingSeverity.Error, [],
                $"“{group.Key}”之后的数值（{Values(group.Select(g => g.Token))}）不在任何可识别的表格行中，未导入；请检查该行的名称是否与模板一致。"));
        }
    }

    public static void ReportMissing(ReportDocument report, List<Run> runs, List<Finding> findings)
    {
        var definition = report.Definition;
        var found = runs.Select(r => r.RowKey).ToHashSet(StringComparer.Ordinal);
        foreach (var table in definition.Tables)
        {
            var missing = table.Rows.Where(r => !found.Contains(RowKeys.Of(table, r))).ToList();
            if (missing.Count == 0)
            {
                continue;
            }

            var heading = definition.SectionOf(table).Heading;
            var name = table.Caption is { } caption ? $"{heading} {caption}" : heading;
            var codes = missing.Select(r => r.Cells[0].Code).ToList();
            foreach (var row in missing)
            {
                MarkUnknown(report, row);
            }

            findings.Add(missing.Count == table.Rows.Count
                ? new Finding(ImportRuleIds.Missing, FindingSeverity.Error, codes, $"未找到表格“{name}”（或其数值），该表各单元格均未能读取（核对时不按0计）。")
                : new Finding(ImportRuleIds.Missing, FindingSeverity.Warning, codes,
                    $"表格“{name}”中未找到以下行：{string.Join("；", missing.Take(6).Select(r => RowName(definition, r)))}{(missing.Count > 6 ? $"等{missing.Count}行" : string.Empty)}，这些单元格未能读取（核对时不按0计）。"));
        }
    }
}
