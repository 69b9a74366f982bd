using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Rules;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Domain.Tests.Rules;

/// <summary>
/// Reports built in code. The balanced ones write every cell (no blanks) and satisfy every rule, so a test
/// changes one number and sees exactly the finding that number causes.
/// </summary>
internal static class TestReports
{
    private static readonly string[] Columns = ReportTemplates.ApplicantColumns.Select(c => c.Code).ToArray();

    /// <summary>A T2019 report with sample 000's numbers and a 0 in every cell the sample left blank.</summary>
    public static ReportDocument BalancedT2019(int year = 2020)
    {
        var report = new ReportDocument(TemplateVersion.T2019, year, "宁波市发展和改革委员会", $"宁波市发展和改革委员会{year}年政府信息公开工作年度报告");
        FillZeros(report);
        Section2Of2019(report);
        Section3Of2019(report);
        Section4(report);
        Narrative(report, year);
        return report;
    }

    /// <summary>
    /// A T2021 report in a steady state: 上年结转 equals 结转下年度 and 制发 equals 废止, so the same report one year
    /// later also satisfies the cross-year rules.
    /// </summary>
    public static ReportDocument BalancedT2021(int year = 2021)
    {
        var report = new ReportDocument(TemplateVersion.T2021, year, "宁波市发展和改革委员会", $"宁波市发展和改革委员会{year}年政府信息公开工作年度报告");
        FillZeros(report);
        Set(report, "s2.normative.issued", 2);
        Set(report, "s2.normative.repealed", 2);
        Set(report, "s2.normative.effective", 54);
        Set(report, "s2.licensing.decisions", 120);
        Set(report, "s2.penalty.decisions", 30);
        Set(report, "s2.coercion.decisions", 2);
        Set(report, "s2.fees.amount", 3.27m);

        // natural: 10 + 3 = 13 = 10 + 3; commercial: 2 + 0 = 2 + 0; total: 12 + 3 = 15 = 12 + 3.
        Row(report, "received", natural: 10, commercial: 2);
        Row(report, "carried_in", natural: 3);
        Row(report, "granted", natural: 5, commercial: 1);
        Row(report, "partial", natural: 1);
        Row(report, "unable.1", natural: 2);
        Row(report, "other.2", natural: 1);
        Row(report, "other.3", natural: 1, commercial: 1);
        Row(report, "processed", natural: 10, commercial: 2);
        Row(report, "carried_out", natural: 3);
        Section4(report);
        Narrative(report, year);
        report.Sections[SectionKeys.Overview] =
            $"{year}年，本机关共收到政府信息公开申请12件，上年结转3件。全年被申请行政复议4件，提起行政诉讼3件。";
        return report;
    }

    /// <summary>Sample 000 (鄞州区人民政府办公室, 2020, T2019) with its blanks left blank.</summary>
    public static ReportDocument Sample000()
    {
        var report = new ReportDocument(TemplateVersion.T2019, 2020, "鄞州区人民政府办公室", "鄞州区人民政府办公室2020年政府信息公开工作年度报告");
        Section2Of2019(report);
        Section3Of2019(report, zerosForBlanks: false);
        Set(report, "s4.review.upheld", 3);
        Set(report, "s4.review.other", 1);
        Set(report, "s4.review.total", 4);
        Set(report, "s4.suit_after_review.upheld", 9);
        Set(report, "s4.suit_after_review.other", 1);
        Set(report, "s4.suit_after_review.total", 10);
        return WithText(report, SampleNarratives.Sample000Overview, SampleNarratives.Sample000Problems, SampleNarratives.Sample000Other);
    }

    /// <summary>Sample 001 (北仑区 发展局, 2020, T2019): no requests at all; the result rows are blank.</summary>
    public static ReportDocument Sample001()
    {
        var report = new ReportDocument(TemplateVersion.T2019, 2020, "发展局", "发展局2020年度政府信息公开工作年度报告");
        FillZeros(report);
        Set(report, "s2.normative.made", 4);
        Set(report, "s2.normative.published", 4);
        Set(report, "s2.normative.total", 4);
        Set(report, "s2.services.prev", 11);
        Set(report, "s2.services.decisions", 11);
        Set(report, "s2.procurement.count", 4);
        Set(report, "s2.procurement.amount", 56.01m);
        foreach (var row in report.Definition.Table("s3").Rows.Where(r => r.Code is not ("received" or "carried_in" or "processed" or "carried_out")))
        {
            foreach (var cell in row.Cells)
            {
                report.Cells.Remove(cell.Code);
            }
        }

        return WithText(report, SampleNarratives.Sample001Overview, SampleNarratives.Sample001Problems, SampleNarratives.Sample001Other);
    }

    /// <summary>Sample 003 (新华区人民政府办公室, 2021, T2021): the overview says 4 requests, table 三 says 3.</summary>
    public static ReportDocument Sample003()
    {
        var report = new ReportDocument(TemplateVersion.T2021, 2021, "新华区人民政府办公室", "政府办2021年政府信息公开工作年度报告");
        FillZeros(report);
        Set(report, "s2.normative.issued", 5);
        Set(report, "s2.normative.repealed", 1);
        Set(report, "s2.normative.effective", 54);
        Row(report, "received", natural: 3);
        Row(report, "granted", natural: 2);
        Row(report, "unable.1", natural: 1);
        Row(report, "processed", natural: 3);
        return WithText(report, SampleNarratives.Sample003Overview, SampleNarratives.Sample003Problems, SampleNarratives.Sample003Other);
    }

    public static IReadOnlyList<Finding> Check(ReportDocument report, ReportDocument? previous = null) => ReportChecker.Check(report, previous);

    public static IReadOnlyList<Finding> Findings(this IReadOnlyList<Finding> findings, string ruleId) =>
        findings.Where(f => f.RuleId == ruleId).ToList();

    public static void Set(ReportDocument report, string code, decimal value)
    {
        _ = report.Definition.Cell(code);
        report.Cells[code] = value;
    }

    private static void FillZeros(ReportDocument report)
    {
        foreach (var cell in report.Definition.Cells)
        {
            report.Cells[cell.Code] = 0;
        }
    }

    /// <summary>Writes a section 三 row's applicant cells and its 总计.</summary>
    private static void Row(ReportDocument report, string row, decimal natural = 0, decimal commercial = 0, bool zerosForBlanks = true)
    {
        foreach (var column in Columns.Take(6))
        {
            var value = column switch { "natural" => natural, "commercial" => commercial, _ => 0m };
            if (value != 0 || zerosForBlanks)
            {
                report.Cells[$"s3.{row}.{column}"] = value;
            }
        }

        report.Cells[$"s3.{row}.total"] = natural + commercial;
    }

    private static void Section2Of2019(ReportDocument report)
    {
        foreach (var code in new[]
                 {
                     "s2.rules.made", "s2.rules.published", "s2.rules.total", "s2.licensing.prev", "s2.licensing.change", "s2.licensing.decisions",
                     "s2.services.prev", "s2.services.change", "s2.services.decisions", "s2.penalty.prev", "s2.penalty.change",
                     "s2.penalty.decisions", "s2.coercion.prev", "s2.coercion.change", "s2.coercion.decisions", "s2.fees.prev", "s2.fees.change",
                 })
        {
            Set(report, code, 0);
        }

        Set(report, "s2.normative.made", 21);
        Set(report, "s2.normative.published", 21);
        Set(report, "s2.normative.total", 101);
        Set(report, "s2.procurement.count", 1);
        Set(report, "s2.procurement.amount", 3.27m);
    }

    private static void Section3Of2019(ReportDocument report, bool zerosForBlanks = true)
    {
        Row(report, "received", natural: 47, commercial: 1, zerosForBlanks: zerosForBlanks);
        Row(report, "carried_in", natural: 4, zerosForBlanks: zerosForBlanks);
        Row(report, "granted", natural: 13, zerosForBlanks: zerosForBlanks);
        Row(report, "partial", natural: 10, zerosForBlanks: zerosForBlanks);
        Row(report, "unable.1", natural: 5, zerosForBlanks: zerosForBlanks);
        Row(report, "unable.2", natural: 1, zerosForBlanks: zerosForBlanks);
        Row(report, "unable.3", natural: 3, zerosForBlanks: zerosForBlanks);
        Row(report, "declined.1", natural: 2, zerosForBlanks: zerosForBlanks);
        Row(report, "declined.2", natural: 2, zerosForBlanks: zerosForBlanks);
        Row(report, "other", natural: 12, zerosForBlanks: zerosForBlanks);
        Row(report, "processed", natural: 48, zerosForBlanks: zerosForBlanks);
        Row(report, "carried_out", natural: 3, commercial: 1, zerosForBlanks: zerosForBlanks);
    }

    private static void Section4(ReportDocument report)
    {
        foreach (var (group, upheld, other) in new[] { ("review", 3m, 1m), ("suit_direct", 0m, 0m), ("suit_after_review", 2m, 1m) })
        {
            Set(report, $"s4.{group}.upheld", upheld);
            Set(report, $"s4.{group}.corrected", 0);
            Set(report, $"s4.{group}.other", other);
            Set(report, $"s4.{group}.pending", 0);
            Set(report, $"s4.{group}.total", upheld + other);
        }
    }

    private static void Narrative(ReportDocument report, int year) => WithText(
        report,
        $"{year}年，本机关共收到政府信息公开申请48件。全年被申请行政复议4件，提起行政诉讼3件。",
        $"{year + 1}年，我委将进一步加强政策解读。",
        $"{year}年本机关未收取信息处理费。");

    private static ReportDocument WithText(ReportDocument report, string overview, string problems, string other)
    {
        report.Sections[SectionKeys.Overview] = overview;
        report.Sections[SectionKeys.Problems] = problems;
        report.Sections[SectionKeys.Other] = other;
        return report;
    }
}
