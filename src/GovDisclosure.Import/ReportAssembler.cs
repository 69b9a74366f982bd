using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Import;

/// <summary>
/// Turns what a reader found into a <see cref="ReportDocument"/>: splits the lines into preamble, narrative
/// and tables, then hands each job to its own class: <see cref="RowWalker"/> (tokens into row runs),
/// <see cref="MetadataReader"/> (title, agency, year), <see cref="TemplateDetector"/> (which template) and
/// <see cref="ValuePlacer"/> (values into cells, and what could not be placed).
/// </summary>
internal static class ReportAssembler
{
    /// <summary>Fewer recognised rows than this and the text is not an annual report at all.</summary>
    private const int MinimumRows = 3;

    /// <summary>
    /// The three statutory tables have about 250 cells with their labels and headers; a source with a
    /// hundred times that many is not a report, and refusing it keeps the import fast.
    /// </summary>
    private const int MaxTableCells = 25_000;

    public static ImportResult Assemble(IReadOnlyList<SourceLine> lines, TemplateCatalog catalog)
    {
        var walker = new RowWalker(LabelIndex.For(catalog));
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

            var inTables = hasTableHeadings ? section is 2 or 3 or 4 : tableStarted || walker.StartsTable(line);
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
                if (RowWalker.IsProse(text))
                {
                    narrative[section].Add(text);
                }

                tokens.AddRange(walker.ClassifyParagraph(text, i).Select(t => (t, section)));
                continue;
            }

            for (var c = 0; c < line.Cells!.Count; c++)
            {
                var token = walker.Classify(line.Cells[c], i);
                tokens.Add((token with { Soft = c >= line.Cells.Count - line.SoftTail, Alone = line.Cells.Count == 1 }, section));
            }
        }

        var (runs, orphans) = RowWalker.Walk(tokens, catalog);
        var anchoredRows = runs.Select(r => r.RowKey).Distinct(StringComparer.Ordinal).Count();
        if (anchoredRows < MinimumRows)
        {
            throw new ReportFormatException("未找到年度报告的统计表格（主动公开、收到和处理申请、行政复议和诉讼），不是政府信息公开工作年度报告。");
        }

        // The signature under the last section (agency, date) is metadata, not narrative.
        var lastNarrative = Enumerable.Range(1, 6).LastOrDefault(s => narrative[s].Count > 0);
        var signature = lastNarrative > 0 ? MetadataReader.TakeSignature(narrative[lastNarrative]) : null;

        // Without 「一、总体情况」 the overview's sentences stand before the first heading: narrative, not title block.
        if (narrative[1].Count == 0)
        {
            narrative[1].AddRange(preamble.Where(l => RowWalker.IsProse(l.Trim())));
        }

        var (title, agency, year) = MetadataReader.Read(preamble.Where(l => !RowWalker.IsProse(l.Trim())).ToList(), narrative[1], signature);
        if (agency.Length == 0)
        {
            findings.Add(new Finding(ImportRuleIds.Agency, FindingSeverity.Warning, [],
                "未能从标题、落款或发布信息识别发布机关，请补充机关名称。"));
        }

        var definition = TemplateDetector.Detect(catalog, tokens.Select(t => t.Token), runs, year, findings);
        if (year is null)
        {
            // The first year the detected template was used for: deterministic, and the warning asks for the real one.
            year = definition.FirstYear;
            findings.Add(new Finding(ImportRuleIds.Year, FindingSeverity.Warning, [],
                $"未能从标题或正文识别报告年度，暂按{year}年度处理，请核对。"));
        }
        else if (catalog.ForYear(year.Value) is var expected && expected != definition)
        {
            findings.Add(new Finding(ImportRuleIds.Template, FindingSeverity.Warning, [],
                $"按表格结构识别为{definition.Name}，但{year}年度报告应使用{expected.Name}，请核对。"));
        }

        if (title.Length == 0 && agency.Length > 0)
        {
            title = $"{agency}{year}年政府信息公开工作年度报告";
        }

        var report = new ReportDocument(definition, year.Value, agency, title);
        for (var s = 1; s <= 6; s++)
        {
            if (narrative[s].Count > 0)
            {
                report.Sections[SectionKeys.All[s - 1]] = string.Join('\n', narrative[s]);
            }
        }

        ValuePlacer.Place(report, runs, findings);
        ValuePlacer.ReportOrphans(orphans, findings);
        ValuePlacer.ReportMissing(report, runs, findings);
        return new ImportResult(report, findings);
    }
}
