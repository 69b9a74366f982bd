using System.Globalization;
using System.Text.RegularExpressions;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Import;

/// <summary>
/// Places what a reader found into a <see cref="ReportDocument"/>. Tables are read as a stream of cells in
/// which the row labels are anchors: the values after a label belong to that row, whatever line breaks,
/// tabs, merged label cells or repeated headers the source has around them. A row whose values cannot be
/// placed with confidence is left blank and named in a finding, never filled by guesswork.
/// </summary>
internal static partial class ReportAssembler
{
    /// <summary>Fewer recognised rows than this and the text is not an annual report at all.</summary>
    private const int MinimumRows = 3;

    private const string AppealRowKey = "s4:data";

    /// <summary>
    /// The three statutory tables have about 250 cells with their labels and headers; a source with a
    /// hundred times that many is not a report, and refusing it keeps the import fast.
    /// </summary>
    private const int MaxTableCells = 25_000;

    private enum TokenKind
    {
        Blank,
        Number,
        Anchor,
        Text,
    }

    /// <param name="Soft">An empty field a row's line ends with: a blank cell, or only a trailing tab.</param>
    private sealed record Token(TokenKind Kind, string Text, int Line, CellValue? Value, LabelMeaning? Meaning, bool Soft = false);

    private sealed class Run(string rowKey, string label, int line, MoneyUnit headerUnit)
    {
        public string RowKey { get; } = rowKey;

        public string Label { get; } = label;

        public int Line { get; } = line;

        public MoneyUnit HeaderUnit { get; } = headerUnit;

        public List<Token> Tokens { get; } = [];

        public bool HasNumbers => Tokens.Any(t => t.Kind == TokenKind.Number);
    }

    public static ImportResult Assemble(IReadOnlyList<SourceLine> lines)
    {
        var findings = new List<Finding>();
        var preamble = new List<string>();
        var narrative = Enumerable.Range(0, 7).Select(_ => new List<string>()).ToArray();
        var tokens = new List<(Token Token, int Section)>();
        var hasTableHeadings = lines.Any(l => l.IsProse && Headings.SectionOf(l.Paragraph!) is 2 or 3 or 4);

        var section = 0;
        var tableStarted = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.IsProse && Headings.SectionOf(line.Paragraph!) is { } heading && heading > section)
            {
                section = heading;
                tokens.Add((new Token(TokenKind.Text, line.Paragraph!.Trim(), i, null, null), section));
                continue;
            }

            var inTables = hasTableHeadings ? section is 2 or 3 or 4 : tableStarted || StartsTable(line);
            tableStarted |= inTables;
            if (!inTables)
            {
                var text = line.IsProse ? line.Paragraph!.TrimEnd() : string.Join('\t', line.Cells!).TrimEnd();
                if (text.Trim().Length > 0)
                {
                    (section == 0 ? preamble : narrative[section]).Add(text);
                }

                continue;
            }

            if (tokens.Count > MaxTableCells)
            {
                throw new ReportFormatException($"表格单元格超过{MaxTableCells}个，远多于年度报告的统计表，不是政府信息公开工作年度报告。");
            }

            if (line.IsProse)
            {
                var text = line.Paragraph!.Trim();
                if (IsProse(text))
                {
                    narrative[section].Add(text);
                }

                tokens.Add((Classify(text, i), section));
                continue;
            }

            for (var c = 0; c < line.Cells!.Count; c++)
            {
                var token = Classify(line.Cells[c], i);
                tokens.Add((c >= line.Cells.Count - line.SoftTail ? token with { Soft = true } : token, section));
            }
        }

        var (runs, orphans, evidence) = Walk(tokens);
        var anchoredRows = runs.Select(r => r.RowKey).Distinct(StringComparer.Ordinal).Count();
        if (anchoredRows < MinimumRows)
        {
            throw new ReportFormatException("未找到年度报告的统计表格（主动公开、收到和处理申请、行政复议和诉讼），不是政府信息公开工作年度报告。");
        }

        var (title, agency, year) = ReadMetadata(preamble, narrative[1]);
        var template = DetectTemplate(evidence, runs, year, findings);
        if (year is null)
        {
            // The first year the detected template was used for: deterministic, and the warning asks for the real one.
            year = template == TemplateVersion.T2019 ? 2019 : 2021;
            findings.Add(new Finding(ImportRuleIds.Year, FindingSeverity.Warning, [],
                $"未能从标题或正文识别报告年度，暂按{year}年度处理，请核对。"));
        }
        else if (TemplateVersions.ForYear(year.Value) != template)
        {
            findings.Add(new Finding(ImportRuleIds.Template, FindingSeverity.Warning, [],
                $"按表格结构识别为{ReportTemplates.Get(template).Name}，但{year}年度报告应使用{ReportTemplates.ForYear(year.Value).Name}，请核对。"));
        }

        if (title.Length == 0 && agency.Length > 0)
        {
            title = $"{agency}{year}年政府信息公开工作年度报告";
        }

        var report = new ReportDocument(template, year.Value, agency, title);
        for (var s = 1; s <= 6; s++)
        {
            if (narrative[s].Count > 0)
            {
                report.Sections[SectionKeys.All[s - 1]] = string.Join('\n', narrative[s]);
            }
        }

        Place(report, runs, findings);
        ReportOrphans(orphans, findings);
        ReportMissing(report, runs, findings);
        return new ImportResult(report, findings);
    }

    // ---- Tokens ----------------------------------------------------------------------------------

    private static Token Classify(string text, int line)
    {
        // Most cells are empty or a plain count: skip the general parsers for them.
        if (string.IsNullOrWhiteSpace(text))
        {
            return new Token(TokenKind.Blank, text, line, null, null);
        }

        if (text.Length <= 9 && text.All(char.IsAsciiDigit))
        {
            return new Token(TokenKind.Number, text, line, new CellValue(decimal.Parse(text, CultureInfo.InvariantCulture), MoneyUnit.None, text), null);
        }

        if (ValueParser.IsBlank(text))
        {
            return new Token(TokenKind.Blank, text, line, null, null);
        }

        if (ValueParser.TryParse(text, out var value))
        {
            return new Token(TokenKind.Number, text, line, value, null);
        }

        var meaning = LabelIndex.Find(text);
        return meaning?.RowKey is not null
            ? new Token(TokenKind.Anchor, text.Trim(), line, null, meaning)
            : new Token(TokenKind.Text, text.Trim(), line, null, meaning);
    }

    private static bool StartsTable(SourceLine line) =>
        (line.Cells ?? [line.Paragraph!]).Any(c => !IsProse(c) && LabelIndex.Find(c) is { } m && (m.RowKey is not null || m.Evidence is not null));

    /// <summary>Narrative around the tables: a sentence, not a label.</summary>
    private static bool IsProse(string text) => text.Length >= 20 && (text.Contains('。', StringComparison.Ordinal) || text.Contains('；', StringComparison.Ordinal));

    private static (List<Run> Runs, List<(Token Token, string Context)> Orphans, Dictionary<TemplateVersion, int> Evidence) Walk(
        List<(Token Token, int Section)> tokens)
    {
        var runs = new List<Run>();
        var orphans = new List<(Token, string)>();
        var evidence = new Dictionary<TemplateVersion, int> { [TemplateVersion.T2019] = 0, [TemplateVersion.T2021] = 0 };
        Run? current = null;
        var context = "表格开头";
        var headerUnit = MoneyUnit.None;
        var afterAppealHeader = false;

        void Close()
        {
            if (current is not null)
            {
                runs.Add(current);
                current = null;
            }
        }

        foreach (var (token, _) in tokens)
        {
            switch (token.Kind)
            {
                case TokenKind.Anchor:
                    Close();
                    afterAppealHeader = false;
                    current = new Run(token.Meaning!.RowKey!, token.Text, token.Line, headerUnit);
                    context = token.Text;
                    break;
                case TokenKind.Text:
                    Close();
                    context = token.Text;
                    if (token.Meaning?.Evidence is { } version)
                    {
                        evidence[version]++;
                    }

                    if (token.Text.Contains("第二十条", StringComparison.Ordinal))
                    {
                        headerUnit = MoneyUnit.None;
                    }

                    if (token.Text.Contains("金额", StringComparison.Ordinal))
                    {
                        headerUnit = ValueParser.UnitOfHeader(token.Text);
                    }

                    // Table 四 has no row label: its 15 values follow the last header cell (「总计」 included).
                    var isAppealHeader = token.Meaning?.IsAppealHeader == true || (afterAppealHeader && Labels.Normalize(token.Text) == "总计");
                    afterAppealHeader = isAppealHeader;
                    if (isAppealHeader)
                    {
                        current = new Run(AppealRowKey, "四、政府信息公开行政复议、行政诉讼情况", token.Line, MoneyUnit.None);
                    }

                    break;
                case TokenKind.Blank:
                    current?.Tokens.Add(token);
                    break;
                case TokenKind.Number:
                    if (current is not null)
                    {
                        current.Tokens.Add(token);
                    }
                    else
                    {
                        orphans.Add((token, context));
                    }

                    break;
            }
        }

        Close();

        // Header runs of table 四 that carry no values are only headers.
        runs.RemoveAll(r => r.RowKey == AppealRowKey && !r.HasNumbers);
        foreach (var run in runs.Where(r => r.HasNumbers))
        {
            if (run.RowKey is "s2:services" or "s2:procurement" or "s3:other")
            {
                evidence[TemplateVersion.T2019] += 2;
            }
            else if (run.RowKey.StartsWith("s3:other.", StringComparison.Ordinal))
            {
                evidence[TemplateVersion.T2021] += 2;
            }
        }

        return (runs, orphans, evidence);
    }

    private static TemplateVersion DetectTemplate(Dictionary<TemplateVersion, int> evidence, List<Run> runs, int? year, List<Finding> findings)
    {
        var for2019 = evidence[TemplateVersion.T2019];
        var for2021 = evidence[TemplateVersion.T2021] + (runs.Any(r => r.RowKey.StartsWith("s3:other.", StringComparison.Ordinal)) ? 2 : 0);
        if (for2019 == for2021)
        {
            return year is { } y ? TemplateVersions.ForYear(y) : TemplateVersion.T2021;
        }

        if (for2019 > 0 && for2021 > 0)
        {
            findings.Add(new Finding(ImportRuleIds.Template, FindingSeverity.Warning, [],
                $"表格同时含有2019年版和2021年版的表头，已按多数特征识别为{(for2019 > for2021 ? "2019" : "2021")}年版格式，请核对。"));
        }

        return for2019 > for2021 ? TemplateVersion.T2019 : TemplateVersion.T2021;
    }

    // ---- Placement -------------------------------------------------------------------------------

    private static void Place(ReportDocument report, List<Run> runs, List<Finding> findings)
    {
        var definition = report.Definition;
        var placed = new Dictionary<string, Run>(StringComparer.Ordinal);
        foreach (var run in runs)
        {
            var row = FindRow(definition, run.RowKey);
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

            var rowName = RowName(row);
            if (placed.TryGetValue(run.RowKey, out var first))
            {
                if (Values(first.Tokens) != Values(run.Tokens))
                {
                    findings.Add(new Finding(ImportRuleIds.Duplicate, FindingSeverity.Error, row.Cells.Select(c => c.Code).Take(1).ToList(),
                        $"“{rowName}”出现两次且数值不同（{Values(first.Tokens)}；{Values(run.Tokens)}），已保留第一次的数值，请核对。"));
                }

                continue;
            }

            placed[run.RowKey] = run;
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
        var hasTotal = row.Cells[^1].ColumnCode == "total" && row.Cells[0].Code.StartsWith("s3.", StringComparison.Ordinal);

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
        var leadingOwnLine = tokens.Take(firstNumber).Count(t => t.Line != run.Line);
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
            if (report.Template == TemplateVersion.T2021)
            {
                // The T2021 column states 万元 in its label; a bare number is in 万元.
                unit = MoneyUnit.TenThousandYuan;
            }
            else
            {
                // T2019's 采购总金额 has no unit in its label. Whole numbers from 10 000 up are almost always yuan
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

    private static RowDefinition? FindRow(TemplateDefinition definition, string rowKey)
    {
        var split = rowKey.IndexOf(':', StringComparison.Ordinal);
        var (table, code) = (rowKey[..split], rowKey[(split + 1)..]);
        return table switch
        {
            "s2" => definition.Tables.Where(t => t.Id.StartsWith("s2.", StringComparison.Ordinal)).SelectMany(t => t.Rows).FirstOrDefault(r => r.Code == code),
            "s3" => definition.Table("s3").Rows.FirstOrDefault(r => r.Code == code),
            "s4" => definition.Table("s4").Rows[0],
            _ => null,
        };
    }

    private static string RowName(RowDefinition row) => row.Code == "data" ? "四 行政复议、行政诉讼" : row.Cells[0].RowName;

    private static string Values(IEnumerable<Token> tokens) => string.Join("、", tokens.Select(t => t.Kind == TokenKind.Number ? t.Text.Trim() : "空"));

    private static void ReportOrphans(List<(Token Token, string Context)> orphans, List<Finding> findings)
    {
        foreach (var group in orphans.GroupBy(o => o.Context, StringComparer.Ordinal))
        {
            findings.Add(new Finding(ImportRuleIds.Unplaced, FindingSeverity.Error, [],
                $"“{group.Key}”之后的数值（{Values(group.Select(g => g.Token))}）不在任何可识别的表格行中，未导入；请检查该行的名称是否与模板一致。"));
        }
    }

    private static void ReportMissing(ReportDocument report, List<Run> runs, List<Finding> findings)
    {
        var found = runs.Select(r => r.RowKey).ToHashSet(StringComparer.Ordinal);
        foreach (var table in report.Definition.Tables)
        {
            var prefix = table.Id == "s3" ? "s3" : table.Id == "s4" ? "s4" : "s2";
            var missing = table.Rows.Where(r => !found.Contains(prefix == "s4" ? AppealRowKey : $"{prefix}:{r.Code}")).ToList();
            if (missing.Count == 0)
            {
                continue;
            }

            var name = table.Caption is { } caption ? $"二、主动公开政府信息情况 {caption}" : table.Id == "s3" ? "三、收到和处理政府信息公开申请情况" : "四、政府信息公开行政复议、行政诉讼情况";
            var codes = missing.Select(r => r.Cells[0].Code).ToList();
            findings.Add(missing.Count == table.Rows.Count
                ? new Finding(ImportRuleIds.Missing, FindingSeverity.Error, codes, $"未找到表格“{name}”（或其数值），该表各单元格均为空白。")
                : new Finding(ImportRuleIds.Missing, FindingSeverity.Warning, codes,
                    $"表格“{name}”中未找到以下行：{string.Join("；", missing.Take(6).Select(RowName))}{(missing.Count > 6 ? $"等{missing.Count}行" : string.Empty)}，这些单元格为空白。"));
        }
    }

    // ---- Title, agency, year ---------------------------------------------------------------------

    private static (string Title, string Agency, int? Year) ReadMetadata(List<string> preamble, List<string> overview)
    {
        var lines = preamble.Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var title = lines.FirstOrDefault(l => l.Contains("报告", StringComparison.Ordinal)) ?? lines.FirstOrDefault() ?? string.Empty;
        title = title.Trim('《', '》', ' ');
        var agency = string.Empty;
        int? year = null;

        var match = TitleYear().Match(title);
        if (match.Success)
        {
            agency = match.Groups["agency"].Value.Trim();
            year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        }

        if (agency.Length == 0)
        {
            agency = lines.FirstOrDefault(l => l != title && l.Length <= 40 && !l.Contains("报告", StringComparison.Ordinal)
                && !DateLine().IsMatch(l) && AgencySuffix().IsMatch(l)) ?? string.Empty;
        }

        var overviewText = string.Join('\n', overview);
        year ??= FirstYear(PeriodStart(), overviewText);
        if (year is null)
        {
            foreach (var line in lines)
            {
                var date = DateLine().Match(line);
                if (date.Success)
                {
                    var y = int.Parse(date.Groups["y"].Value, CultureInfo.InvariantCulture);
                    var m = int.Parse(date.Groups["m"].Value, CultureInfo.InvariantCulture);

                    // A report dated 31 December is that year's; one published in the first half of a year reports the last.
                    year = m == 12 ? y : m <= 6 ? y - 1 : y;
                    break;
                }
            }
        }

        year ??= FirstYear(AnyYear(), overviewText);
        if (year is < 2008 or > 2100)
        {
            year = null;
        }

        // A title that names neither (「政府信息公开工作年度报告」) is given both, as the report is published.
        if (!match.Success && year is not null && agency.Length > 0 && title.StartsWith("政府信息公开", StringComparison.Ordinal))
        {
            title = $"{agency}{year}年{title}";
        }

        // 「政府办」 in the title is 「新华区人民政府办公室」 in the text: a short name is expanded when the text
        // names exactly one body whose name contains it.
        if (agency.Length is > 0 and <= 5)
        {
            var expanded = FullNames().Matches(overviewText).Select(m => m.Value).Distinct(StringComparer.Ordinal)
                .Where(n => n.Length > agency.Length && IsSubsequence(agency, n)).ToList();
            if (expanded.Count == 1)
            {
                agency = expanded[0];
            }
        }

        return (title, agency, year);
    }

    private static int? FirstYear(Regex regex, string text)
    {
        var m = regex.Match(text);
        return m.Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : null;
    }

    private static bool IsSubsequence(string shortName, string longName)
    {
        var i = 0;
        foreach (var c in longName)
        {
            if (i < shortName.Length && shortName[i] == c)
            {
                i++;
            }
        }

        return i == shortName.Length;
    }

    [GeneratedRegex(@"^(?<agency>.*?)(?<year>(?:19|20)\d{2})\s*年")]
    private static partial Regex TitleYear();

    [GeneratedRegex(@"(?<y>(?:19|20)\d{2})\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日")]
    private static partial Regex DateLine();

    [GeneratedRegex(@"(?<y>(?:19|20)\d{2})年1月1日")]
    private static partial Regex PeriodStart();

    [GeneratedRegex(@"(?<y>(?:19|20)\d{2})年")]
    private static partial Regex AnyYear();

    [GeneratedRegex(@"(人民政府|办公室|办公厅|局|委员会|委|厅|院|中心|处|所|街道办事处|管委会|政府)$")]
    private static partial Regex AgencySuffix();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}{1,6}?(?:省|市|区|县|旗|州|镇|乡)人民政府(?:办公室|办公厅)?")]
    private static partial Regex FullNames();
}
