using GovDisclosure.Domain.Indicators;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Tests.Shared;

namespace GovDisclosure.Domain.Tests.Indicators;

/// <summary>The indicators on worked examples a person can check by hand, in both templates.</summary>
public sealed class IndicatorCalculatorTests
{
    /// <summary>
    /// 100 new requests, 80 answered: 40 granted, 10 partly, 12 withheld (两类理由), 8 unable, 10 declined.
    /// 复议 40 (9 corrected, 4 pending); 诉讼 20 direct + 15 after review (2 + 1 corrected, 3 + 2 pending).
    /// Blank totals on purpose: the calculator counts a blank total as the sum of its parts, as the report page does.
    /// </summary>
    private static ReportDocument Example(int year, int received = 100)
    {
        var report = new ReportDocument(TemplateVersions.ForYear(year), year, "示例局", string.Empty);
        void Both(string row, decimal value)
        {
            report.Cells[$"s3.{row}.natural"] = value;
        }

        Both("received", received);
        Both("granted", 40);
        Both("partial", 10);
        Both("withheld.3", 7);
        Both("withheld.4", 5);
        Both("unable.1", 8);
        Both("declined.2", 10);
        Both("carried_out", received - 80);
        report.Cells["s4.review.upheld"] = 27;
        report.Cells["s4.review.corrected"] = 9;
        report.Cells["s4.review.pending"] = 4;
        report.Cells["s4.suit_direct.upheld"] = 15;
        report.Cells["s4.suit_direct.corrected"] = 2;
        report.Cells["s4.suit_direct.pending"] = 3;
        report.Cells["s4.suit_after_review.upheld"] = 12;
        report.Cells["s4.suit_after_review.corrected"] = 1;
        report.Cells["s4.suit_after_review.pending"] = 2;
        return report;
    }

    private static IndicatorValue Of(IReadOnlyList<IndicatorValue> values, string key) => values.Single(v => v.Definition.Key == key);

    [Theory]
    [InlineData(2020)]
    [InlineData(2023)]
    public void Each_formula_gives_the_figure_worked_out_by_hand(int year)
    {
        var values = IndicatorCalculator.Compute(Example(year, received: 120), Example(year - 1, received: 100));

        // (40 + 10) / 80
        Assert.Equal("62.5%", Of(values, IndicatorKeys.SubstantiveDisclosure).Display);
        // (7 + 5) / 80
        Assert.Equal("15.0%", Of(values, IndicatorKeys.Withheld).Display);
        // 8 / 80
        Assert.Equal("10.0%", Of(values, IndicatorKeys.Unable).Display);
        // 9 / (40 − 4)
        Assert.Equal("25.0%", Of(values, IndicatorKeys.ReviewCorrection).Display);
        Assert.Equal(36m, Of(values, IndicatorKeys.ReviewCorrection).Denominator);
        // (2 + 1) / ((20 + 15) − (3 + 2))
        Assert.Equal("10.0%", Of(values, IndicatorKeys.SuitCorrection).Display);
        // (120 − 100) / 100
        Assert.Equal("+20.0%", Of(values, IndicatorKeys.RequestGrowth).Display);
        Assert.Equal(0.2m, Of(values, IndicatorKeys.RequestGrowth).Ratio);
    }

    [Fact]
    public void The_change_in_requests_compares_a_2021_report_with_its_2020_report_across_the_change_of_template()
    {
        var now = Example(2021, received: 90);
        var before = Example(2020, received: 100);
        Assert.NotSame(now.Definition, before.Definition);

        var growth = Of(IndicatorCalculator.Compute(now, before), IndicatorKeys.RequestGrowth);

        Assert.Equal("-10.0%", growth.Display);
    }

    [Fact]
    public void A_denominator_below_the_minimum_reads_insufficient_sample_instead_of_a_figure()
    {
        var report = Example(2023);

        var values = IndicatorCalculator.Compute(report, null, minimumDenominator: 81);

        var substantive = Of(values, IndicatorKeys.SubstantiveDisclosure);
        Assert.Equal("样本不足", substantive.Display);
        Assert.Null(substantive.Ratio);
        Assert.Equal(80m, substantive.Denominator);
        // 复议 has 36 decided cases: at the default minimum of 30 it is shown, at 40 it is not.
        Assert.Equal("25.0%", Of(IndicatorCalculator.Compute(report, null), IndicatorKeys.ReviewCorrection).Display);
        Assert.Equal("样本不足", Of(IndicatorCalculator.Compute(report, null, minimumDenominator: 40), IndicatorKeys.ReviewCorrection).Display);
    }

    [Fact]
    public void A_small_agency_with_a_handful_of_requests_gets_no_rates_at_the_default_minimum()
    {
        var report = CompleteReport.Balanced(2023, received: 12, carriedIn: 0, carriedOut: 0);

        var values = IndicatorCalculator.Compute(report, CompleteReport.Balanced(2022, received: 10));

        Assert.All(values.Where(v => v.Definition.Key != IndicatorKeys.RequestGrowth), v => Assert.Equal("样本不足", v.Display));
        // Last year's 10 requests are too few to say that 12 is a 20% rise.
        Assert.Equal("样本不足", Of(values, IndicatorKeys.RequestGrowth).Display);
    }

    [Fact]
    public void The_change_in_requests_without_last_years_report_says_so()
    {
        var growth = Of(IndicatorCalculator.Compute(Example(2023), null), IndicatorKeys.RequestGrowth);

        Assert.Equal("无上年数据", growth.Display);
        Assert.False(growth.Passes);
    }

    [Fact]
    public void Both_templates_define_the_same_six_indicators_with_their_formulas_in_words()
    {
        foreach (var definition in TemplateCatalog.Default.All)
        {
            Assert.Equal(["实质公开率", "不予公开率", "无法提供率", "行政复议纠错率", "行政诉讼纠错率", "申请量同比"], definition.Indicators.Select(i => i.Name));
            Assert.All(definition.Indicators.SelectMany(i => i.Numerator.Concat(i.Denominator)).SelectMany(t => t.Cells), c => Assert.True(definition.HasCell(c), c));
        }

        var t2021 = ReportTemplates.T2021.Indicators;
        Assert.Equal("（予以公开 ＋ 部分公开） ÷ 办理结果总计", t2021[0].Formula);
        Assert.Equal("复议结果纠正 ÷ （复议总计 − 复议尚未审结）", t2021[3].Formula);
        Assert.Equal("（本年新收申请 − 上年新收申请）÷ 上年新收申请", t2021[5].Formula);
    }

    [Fact]
    public void The_formula_pages_worked_examples_compute_to_the_figures_it_states()
    {
        var definition = ReportTemplates.T2021;

        var results = definition.Indicators.Select(i => IndicatorExample.Compute(definition, i).Display).ToList();

        Assert.Equal(["62.5%", "15.0%", "10.0%", "25.0%", "10.0%", "+20.0%"], results);
    }

    [Fact]
    public void A_merged_agencys_predecessors_are_read_as_one_report_for_the_years_before_the_merge()
    {
        var a = Example(2022);
        var b = CompleteReport.Balanced(2022, received: 20, carriedIn: 0, carriedOut: 0);

        var values = IndicatorCalculator.Compute(ReportTemplates.T2021, IndicatorCalculator.Combined([a, b]), null, null);

        // (40 + 10 + 20) / (80 + 20)
        Assert.Equal("70.0%", Of(values, IndicatorKeys.SubstantiveDisclosure).Display);
    }
}
