using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Domain.Tests.Reports;

public sealed class ReportTotalsTests
{
    [Fact]
    public void A_blank_row_total_is_computed_from_the_applicant_columns()
    {
        var report = new ReportDocument(TemplateVersion.T2021, 2021, "甲局", "甲局2021年报");
        report.Cells["s3.received.natural"] = 47;
        report.Cells["s3.received.commercial"] = 1;

        Assert.Equal(48, ReportTotals.Effective(report, "s3.received.total"));
        Assert.Equal(48, ReportTotals.Derived(report)["s3.received.total"]);
    }

    [Fact]
    public void A_written_total_is_used_as_written_even_when_it_disagrees()
    {
        var report = new ReportDocument(TemplateVersion.T2021, 2021, "甲局", "甲局2021年报");
        report.Cells["s3.received.natural"] = 47;
        report.Cells["s3.received.total"] = 50;

        Assert.Equal(50, ReportTotals.Effective(report, "s3.received.total"));
        Assert.False(ReportTotals.Derived(report).ContainsKey("s3.received.total"));
    }

    [Fact]
    public void The_grand_total_of_a_blank_results_block_is_computed_through_its_row_totals()
    {
        var report = new ReportDocument(TemplateVersion.T2019, 2020, "甲局", "甲局2020年报");
        report.Cells["s3.granted.natural"] = 13;
        report.Cells["s3.partial.natural"] = 10;
        report.Cells["s3.other.commercial"] = 2;

        Assert.Equal(23, ReportTotals.Effective(report, "s3.processed.natural"));
        Assert.Equal(25, ReportTotals.Effective(report, "s3.processed.total"));
    }

    [Fact]
    public void A_blank_cell_that_is_not_a_total_counts_as_zero_but_stays_blank()
    {
        var report = new ReportDocument(TemplateVersion.T2021, 2021, "甲局", "甲局2021年报");

        Assert.Equal(0, ReportTotals.Effective(report, "s3.received.natural"));
        Assert.True(report.Cells.IsBlank("s3.received.natural"));
    }
}
