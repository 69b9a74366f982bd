using GovDisclosure.Import;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Rules;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Domain.Tests.Rules;

namespace GovDisclosure.Import.Tests;

/// <summary>
/// Shapes the samples do not have: the same reports written as tab-separated rows, Markdown and HTML with
/// merged cells, and hand-made damage (missing cells, blank totals, split rows, repeated headers, units).
/// </summary>
public sealed class VariantTests
{
    public static TheoryData<string> Formats => ["tabs", "markdown", "html"];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Sample_000_written_in_another_format_imports_to_the_same_cells_with_its_blanks_blank(string format)
    {
        var original = TestReports.Sample000();

        var result = ReportImporter.Import(Write(format, original));

        SampleGoldenTests.AssertCells(original.Cells.ToDictionary(c => c.Key, c => c.Value), result.Report);
        Assert.Equal(TemplateVersion.T2019, result.Report.Template);
        Assert.Equal(2020, result.Report.Year);
        Assert.Empty(result.Findings);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Sample_001_written_in_another_format_keeps_its_zero_rows_and_its_blank_result_rows(string format)
    {
        var original = TestReports.Sample001();

        var result = ReportImporter.Import(Write(format, original));

        SampleGoldenTests.AssertCells(original.Cells.ToDictionary(c => c.Key, c => c.Value), result.Report);
        Assert.Equal("发展局", result.Report.Agency);
        Assert.Empty(result.Findings);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_row_whose_first_column_is_blank_keeps_every_value_in_its_own_column(string format)
    {
        var original = TestReports.Sample000();
        original.Cells.Remove("s3.received.natural");
        original.Cells["s3.received.total"] = 1;
        original.Cells["s3.carried_out.orgother"] = 2;
        original.Cells.Remove("s3.carried_out.total");

        var result = ReportImporter.Import(Write(format, original));

        SampleGoldenTests.AssertCells(original.Cells.ToDictionary(c => c.Key, c => c.Value), result.Report);
        Assert.Empty(result.Findings);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_signed_change_and_units_written_in_the_cells_come_through(string format)
    {
        var original = TestReports.BalancedT2019();
        original.Cells["s2.licensing.change"] = -3;
        original.Cells["s2.penalty.change"] = 4;

        var result = ReportImporter.Import(Write(format, original).Replace("\t4\t", "\t+4\t", StringComparison.Ordinal));

        SampleGoldenTests.AssertCells(original.Cells.ToDictionary(c => c.Key, c => c.Value), result.Report);
        Assert.Empty(result.Findings);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_balanced_2021_report_in_any_format_imports_every_cell_and_passes_every_rule(string format)
    {
        var original = TestReports.BalancedT2021();

        var result = ReportImporter.Import(Write(format, original));

        SampleGoldenTests.AssertCells(original.Cells.ToDictionary(c => c.Key, c => c.Value), result.Report);
        Assert.Equal(TemplateVersion.T2021, result.Report.Template);
        Assert.Empty(result.Findings);
        Assert.Empty(ReportChecker.Check(result.Report));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Table_three_headers_repeated_mid_table_do_not_shift_any_value(string format)
    {
        var original = TestReports.BalancedT2019();
        var options = new ReportWriter.Options { RepeatHeaderBeforeRow = 10 };

        var result = ReportImporter.Import(Write(format, original, options));

        SampleGoldenTests.AssertCells(original.Cells.ToDictionary(c => c.Key, c => c.Value), result.Report);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Html_labels_broken_by_br_and_merged_cells_are_read_as_the_template_labels()
    {
        var original = TestReports.BalancedT2021();

        var html = ReportWriter.Html(original, new ReportWriter.Options { BreakLongLabels = true });
        var result = ReportImporter.Import(html, ImportFormat.Html);

        Assert.Contains("<br/>", html, StringComparison.Ordinal);
        Assert.Contains("rowspan=\"22\"", html, StringComparison.Ordinal);
        SampleGoldenTests.AssertCells(original.Cells.ToDictionary(c => c.Key, c => c.Value), result.Report);
        Assert.Empty(result.Findings);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Blank_totals_stay_blank_and_are_computed_only_as_derived_values(string format)
    {
        var original = TestReports.BalancedT2021();
        foreach (var code in original.Definition.Sums.Select(s => s.Total).Distinct())
        {
            original.Cells.Remove(code);
        }

        var result = ReportImporter.Import(Write(format, original));

        SampleGoldenTests.AssertCells(original.Cells.ToDictionary(c => c.Key, c => c.Value), result.Report);
        Assert.True(result.Report.Cells.IsBlank("s3.received.total"));
        Assert.Equal(12, ReportTotals.Derived(result.Report)["s3.received.total"]);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void A_tab_separated_row_split_over_two_lines_is_read_as_one_row()
    {
        // A row's values continue on the next line: the extraction broke the row after 「2」.
        var text = Tabbed2021().Replace("一、本年新收政府信息公开申请数量\t\t\t10\t2\t0\t0\t0\t0\t12", "一、本年新收政府信息公开申请数量\t\t\t10\t2\t\n0\t0\t0\t0\t12", StringComparison.Ordinal);

        var result = ReportImporter.Import(text);

        Assert.Contains("\t2\t\n0", text, StringComparison.Ordinal);
        Assert.Equal(10, result.Report.Cells.Get("s3.received.natural"));
        Assert.Equal(2, result.Report.Cells.Get("s3.received.commercial"));
        Assert.Equal(0, result.Report.Cells.Get("s3.received.orgother"));
        Assert.Equal(12, result.Report.Cells.Get("s3.received.total"));
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void A_row_missing_cells_is_not_imported_and_the_finding_names_the_row()
    {
        // Three values for seven columns, no blanks written: which columns they belong to cannot be known.
        var text = Tabbed2021().Replace("二、上年结转政府信息公开申请数量\t\t\t3\t0\t0\t0\t0\t0\t3", "二、上年结转政府信息公开申请数量\t3\t1\t4", StringComparison.Ordinal);

        var result = ReportImporter.Import(text);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(ImportRuleIds.Unplaced, finding.RuleId);
        Assert.True(finding.IsError);
        Assert.Contains("三 二、上年结转申请数量", finding.Message, StringComparison.Ordinal);
        Assert.Contains("3、1、4", finding.Message, StringComparison.Ordinal);
        Assert.All(result.Report.Definition.Table("s3").Rows.Single(r => r.Code == "carried_in").Cells, c => Assert.True(result.Report.Cells.IsBlank(c.Code)));
    }

    [Fact]
    public void A_row_with_more_values_than_columns_is_not_imported_and_named()
    {
        var text = Tabbed2021().Replace("（一）予以公开\t\t5\t1\t0\t0\t0\t0\t6", "（一）予以公开\t\t5\t1\t0\t0\t0\t0\t6\t9", StringComparison.Ordinal);

        var result = ReportImporter.Import(text);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(ImportRuleIds.Unplaced, finding.RuleId);
        Assert.Contains("三（一）予以公开", finding.Message, StringComparison.Ordinal);
        Assert.True(result.Report.Cells.IsBlank("s3.granted.natural"));
    }

    [Fact]
    public void Values_under_a_label_the_template_does_not_have_become_an_error_naming_that_label()
    {
        var text = Tabbed2021().Replace("四、结转下年度继续办理", "五、其他情况\t\t\t1\t0\t0\t0\t0\t0\t1\n四、结转下年度继续办理", StringComparison.Ordinal);

        var result = ReportImporter.Import(text);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(ImportRuleIds.Unplaced, finding.RuleId);
        Assert.Contains("五、其他情况", finding.Message, StringComparison.Ordinal);
        Assert.Equal(3, result.Report.Cells.Get("s3.carried_out.natural"));
    }

    [Fact]
    public void Label_variants_half_width_brackets_curly_quotes_shortened_labels_and_commas_are_recognised()
    {
        var text = Tabbed2021()
            .Replace("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "(二)部分公开", StringComparison.Ordinal)
            .Replace("3.危及“三安全一稳定”", "3、危及\"三安全一稳定\"", StringComparison.Ordinal)
            .Replace("5.要求行政机关确认或重新出具已获取信息", "5．要求行政机关确认或重新出具", StringComparison.Ordinal)
            .Replace("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "1.申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请", StringComparison.Ordinal)
            .Replace("第二十条第（一）项", "第二十条第(一)项", StringComparison.Ordinal)
            .Replace("行政规范性文件", "规范性文件", StringComparison.Ordinal);
        var original = TestReports.BalancedT2021();

        var result = ReportImporter.Import(text);

        SampleGoldenTests.AssertCells(original.Cells.ToDictionary(c => c.Key, c => c.Value), result.Report);
        Assert.Empty(result.Findings);
    }

    [Theory]
    [InlineData("3.27万元", "3.2700")]
    [InlineData("32700元", "3.2700")]
    [InlineData("0.000327亿元", "3.2700")]
    [InlineData("32,700元", "3.2700")]
    [InlineData("３．２７万元", "3.2700")]
    public void Amounts_in_yuan_ten_thousands_or_hundred_millions_are_normalised_to_ten_thousand_yuan(string written, string expected)
    {
        var text = Tabbed2021().Replace("行政事业性收费\t3.2700万元", $"行政事业性收费\t{written}", StringComparison.Ordinal);

        var result = ReportImporter.Import(text);

        Assert.Equal(expected, InterchangeJson.FormatValue(CellKind.Amount, result.Report.Cells["s2.fees.amount"]));
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void An_amount_finer_than_one_yuan_is_rounded_to_four_places_and_the_user_is_told()
    {
        var text = Tabbed2021().Replace("行政事业性收费\t3.2700万元", "行政事业性收费\t32700.40元", StringComparison.Ordinal);

        var result = ReportImporter.Import(text);

        Assert.Equal(3.27m, result.Report.Cells["s2.fees.amount"]);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(ImportRuleIds.Rounded, finding.RuleId);
        Assert.Equal(["s2.fees.amount"], finding.CellCodes);
    }

    [Fact]
    public void A_bare_fee_in_a_2021_table_is_in_the_ten_thousand_yuan_its_header_states()
    {
        var text = Tabbed2021().Replace("行政事业性收费\t3.2700万元", "行政事业性收费\t3.27", StringComparison.Ordinal);

        var result = ReportImporter.Import(text);

        Assert.Equal(3.27m, result.Report.Cells["s2.fees.amount"]);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void A_2021_table_under_a_2020_title_is_imported_as_2021_format_with_a_warning()
    {
        var text = Tabbed2021().Replace("2021年政府信息公开工作年度报告", "2020年政府信息公开工作年度报告", StringComparison.Ordinal);

        var result = ReportImporter.Import(text);

        Assert.Equal(TemplateVersion.T2021, result.Report.Template);
        Assert.Equal(2020, result.Report.Year);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(ImportRuleIds.Template, finding.RuleId);
        Assert.False(finding.IsError);
    }

    [Fact]
    public void Cells_one_per_line_without_tabs_use_empty_lines_as_blank_cells()
    {
        var lines = new List<string> { "某县人民政府办公室2020年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况" };
        foreach (var row in ReportTemplates.T2019.Table("s3").Rows)
        {
            lines.Add(row.Label);
            lines.AddRange(row.Code == "received" ? ["5", "", "", "", "", "", "5"] : row.Code == "granted" ? ["5", "", "", "", "", "", ""] : ["", "", "", "", "", "", ""]);
        }

        lines.AddRange(["四、政府信息公开行政复议、行政诉讼情况", "行政复议", "总计", "1", "", "", "", "1", "", "", "", "", "", "", "", "", "", ""]);

        var result = ReportImporter.Import(string.Join('\n', lines));

        Assert.Equal(5, result.Report.Cells.Get("s3.received.natural"));
        Assert.Equal(5, result.Report.Cells.Get("s3.received.total"));
        Assert.Equal(5, result.Report.Cells.Get("s3.granted.natural"));
        Assert.True(result.Report.Cells.IsBlank("s3.granted.total"));
        Assert.Equal(1, result.Report.Cells.Get("s4.review.upheld"));
        Assert.Equal(1, result.Report.Cells.Get("s4.review.total"));
        Assert.Equal(5, result.Report.Cells.Count);
    }

    [Fact]
    public void A_report_without_a_year_anywhere_gets_the_templates_first_year_and_a_warning()
    {
        var text = Tabbed2021()
            .Replace("宁波市发展和改革委员会2021年政府信息公开工作年度报告", "宁波市发展和改革委员会政府信息公开工作年度报告", StringComparison.Ordinal)
            .Replace("2021年，", "本年，", StringComparison.Ordinal)
            .Replace("2022年，", "明年，", StringComparison.Ordinal);

        var result = ReportImporter.Import(text);

        Assert.Equal(2021, result.Report.Year);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(ImportRuleIds.Year, finding.RuleId);
        Assert.Contains("未能从标题或正文识别报告年度", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_without_table_four_says_the_table_is_missing()
    {
        var text = Tabbed2021();
        text = text[..text.IndexOf("四、政府信息公开行政复议", StringComparison.Ordinal)];

        var result = ReportImporter.Import(text);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(ImportRuleIds.Missing, finding.RuleId);
        Assert.True(finding.IsError);
        Assert.Contains("行政复议", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_written_twice_with_different_values_keeps_the_first_and_is_an_error()
    {
        var text = Tabbed2021().Replace("四、结转下年度继续办理", "（一）予以公开\t\t9\t0\t0\t0\t0\t0\t9\n四、结转下年度继续办理", StringComparison.Ordinal);

        var result = ReportImporter.Import(text);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(ImportRuleIds.Duplicate, finding.RuleId);
        Assert.Equal(5, result.Report.Cells.Get("s3.granted.natural"));
    }

    private static string Tabbed2021() => ReportWriter.Tabs(TestReports.BalancedT2021());

    private static string Write(string format, ReportDocument report, ReportWriter.Options? options = null) => format switch
    {
        "tabs" => ReportWriter.Tabs(report, options),
        "markdown" => ReportWriter.Markdown(report, options),
        _ => ReportWriter.Html(report, options),
    };
}
