using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Rules;
using static GovDisclosure.Domain.Tests.Rules.TestReports;

namespace GovDisclosure.Domain.Tests.Rules;

public class CellValueRuleTests
{
    [Fact]
    public void Whole_non_negative_counts_and_a_four_place_amount_pass()
    {
        var findings = Check(BalancedT2021());

        Assert.Empty(findings.Findings(RuleIds.WholeNumber));
        Assert.Empty(findings.Findings(RuleIds.Amount));
    }

    [Fact]
    public void A_negative_count_is_an_error_naming_the_cell()
    {
        var report = BalancedT2019();
        Set(report, "s4.review.pending", -1);

        var finding = Assert.Single(Check(report).Findings(RuleIds.WholeNumber));

        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal(["s4.review.pending"], finding.CellCodes);
        Assert.Contains("-1", finding.Message);
        Assert.Contains("尚未审结", finding.Message);
    }

    [Fact]
    public void A_fractional_count_is_an_error_naming_the_cell()
    {
        var report = BalancedT2021();
        Set(report, "s2.licensing.decisions", 120.5m);

        var finding = Assert.Single(Check(report).Findings(RuleIds.WholeNumber));

        Assert.Equal(["s2.licensing.decisions"], finding.CellCodes);
        Assert.Contains("120.5", finding.Message);
    }

    [Fact]
    public void A_signed_change_may_be_negative()
    {
        var report = BalancedT2019();
        Set(report, "s2.licensing.change", -3);

        Assert.Empty(Check(report).Findings(RuleIds.WholeNumber));
    }

    [Fact]
    public void A_signed_change_must_still_be_whole()
    {
        var report = BalancedT2019();
        Set(report, "s2.licensing.change", -1.5m);

        var finding = Assert.Single(Check(report).Findings(RuleIds.WholeNumber));

        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal(["s2.licensing.change"], finding.CellCodes);
        Assert.Contains("-1.5", finding.Message);
    }

    [Fact]
    public void Trailing_zeros_do_not_count_as_decimal_places()
    {
        var report = BalancedT2021();
        Set(report, "s2.fees.amount", 3.27000000m);

        Assert.Empty(Check(report).Findings(RuleIds.Amount));
    }

    [Fact]
    public void An_amount_finer_than_one_yuan_is_an_error_naming_the_cell()
    {
        var report = BalancedT2021();
        Set(report, "s2.fees.amount", 3.27001m);

        var finding = Assert.Single(Check(report).Findings(RuleIds.Amount));

        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal(["s2.fees.amount"], finding.CellCodes);
        Assert.Contains("3.27001", finding.Message);
    }

    [Fact]
    public void A_negative_procurement_amount_is_an_error_naming_the_cell()
    {
        var report = BalancedT2019();
        Set(report, "s2.procurement.amount", -3.27m);

        var finding = Assert.Single(Check(report).Findings(RuleIds.Amount));

        Assert.Equal(["s2.procurement.amount"], finding.CellCodes);
        Assert.Contains("-3.27", finding.Message);
    }
}
