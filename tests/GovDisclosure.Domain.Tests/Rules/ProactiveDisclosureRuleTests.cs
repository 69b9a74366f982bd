using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Rules;
using static GovDisclosure.Domain.Tests.Rules.TestReports;

namespace GovDisclosure.Domain.Tests.Rules;

public class ProactiveDisclosureRuleTests
{
    [Fact]
    public void A_fee_in_wan_yuan_passes()
    {
        Assert.Empty(Check(BalancedT2021()).Findings(RuleIds.FeeUnit));
    }

    [Fact]
    public void A_county_fee_that_looks_written_in_yuan_is_a_warning_naming_the_cell()
    {
        var report = BalancedT2021();
        Set(report, "s2.fees.amount", 327000);
        var context = new CheckContext(report) { Agency = new AgencyProfile(AgencyKind.Department, AdministrativeLevel.County) };

        var finding = Assert.Single(ReportChecker.Check(context).Findings(RuleIds.FeeUnit));

        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal(["s2.fees.amount"], finding.CellCodes);
        Assert.Contains("327000万元", finding.Message);
        Assert.Contains("按元计应为32.7万元", finding.Message);
    }

    [Fact]
    public void A_city_collecting_tens_of_thousands_of_wan_yuan_in_fees_gets_no_unit_warning()
    {
        var report = BalancedT2021();
        Set(report, "s2.fees.amount", 35_600.42m);
        var context = new CheckContext(report) { Agency = new AgencyProfile(AgencyKind.PeopleGovernment, AdministrativeLevel.DistrictedCity) };

        Assert.Empty(ReportChecker.Check(context).Findings(RuleIds.FeeUnit));
        Assert.Empty(Check(report).Findings(RuleIds.FeeUnit));
    }

    [Fact]
    public void Without_a_profile_a_district_body_is_held_to_the_county_bound()
    {
        var report = BalancedT2021();
        report.Agency = "宁波市鄞州区市场监督管理局";
        Set(report, "s2.fees.amount", 250_000);

        Assert.Single(Check(report).Findings(RuleIds.FeeUnit));
    }

    [Fact]
    public void A_city_fee_written_in_yuan_is_a_warning()
    {
        var report = BalancedT2021();
        Set(report, "s2.fees.amount", 3_270_000);

        var finding = Assert.Single(Check(report).Findings(RuleIds.FeeUnit));

        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal(["s2.fees.amount"], finding.CellCodes);
        Assert.Contains("3270000万元", finding.Message);
        Assert.Contains("按元计应为327万元", finding.Message);
    }

    [Fact]
    public void A_fee_just_below_the_threshold_passes()
    {
        var report = BalancedT2021();
        Set(report, "s2.fees.amount", 999_999.9999m);

        Assert.Empty(Check(report).Findings(RuleIds.FeeUnit));
    }

    [Fact]
    public void A_districted_city_government_may_issue_rules()
    {
        var report = BalancedT2021();
        Set(report, "s2.rules.issued", 2);
        var context = new CheckContext(report) { Agency = new AgencyProfile(AgencyKind.PeopleGovernment, AdministrativeLevel.DistrictedCity) };

        Assert.Empty(ReportChecker.Check(context).Findings(RuleIds.RulesIssuer));
    }

    [Fact]
    public void A_county_body_issuing_rules_is_a_warning_naming_the_cell()
    {
        var report = BalancedT2021();
        Set(report, "s2.rules.issued", 2);
        var context = new CheckContext(report) { Agency = new AgencyProfile(AgencyKind.PeopleGovernment, AdministrativeLevel.County) };

        var finding = Assert.Single(ReportChecker.Check(context).Findings(RuleIds.RulesIssuer));

        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal(["s2.rules.issued"], finding.CellCodes);
        Assert.StartsWith("“二（一）规章 — 本年制发件数”填报为2，但县级及以下机关（宁波市发展和改革委员会）无权制定规章", finding.Message);
    }

    [Fact]
    public void A_provincial_department_issuing_rules_is_a_warning_but_a_ministry_is_not()
    {
        var report = BalancedT2021();
        Set(report, "s2.rules.issued", 1);

        var provincial = new CheckContext(report) { Agency = new AgencyProfile(AgencyKind.Department, AdministrativeLevel.Provincial) };
        var ministry = new CheckContext(report) { Agency = new AgencyProfile(AgencyKind.Department, AdministrativeLevel.National) };

        Assert.Contains("地方政府部门", Assert.Single(ReportChecker.Check(provincial).Findings(RuleIds.RulesIssuer)).Message);
        Assert.Empty(ReportChecker.Check(ministry).Findings(RuleIds.RulesIssuer));
    }

    [Fact]
    public void A_provincial_government_office_publishing_its_governments_rules_is_not_warned()
    {
        var report = BalancedT2021();
        report.Agency = "上海市人民政府办公厅";
        Set(report, "s2.rules.issued", 6);
        var context = new CheckContext(report) { Agency = new AgencyProfile(AgencyKind.Department, AdministrativeLevel.Provincial) };

        Assert.Empty(ReportChecker.Check(context).Findings(RuleIds.RulesIssuer));
    }

    [Fact]
    public void Without_a_profile_a_district_office_making_rules_in_T2019_is_inferred_from_its_name()
    {
        var report = Sample000();
        Set(report, "s2.rules.made", 3);

        var finding = Assert.Single(Check(report).Findings(RuleIds.RulesIssuer));

        Assert.Equal(["s2.rules.made"], finding.CellCodes);
        Assert.Contains("填报为3", finding.Message);
        Assert.Contains("鄞州区人民政府办公室", finding.Message);
    }

    [Theory]
    [InlineData("广西壮族自治区人民政府办公厅", false)]
    [InlineData("宁波市人民政府", false)]
    [InlineData("新华区人民政府办公室", true)]
    [InlineData("某某县人民政府", true)]
    [InlineData("某某镇人民政府", true)]
    [InlineData("某某街道办事处", true)]
    public void The_issuer_is_inferred_only_from_unambiguous_names(string agency, bool warns)
    {
        var report = BalancedT2021();
        report.Agency = agency;
        Set(report, "s2.rules.issued", 1);

        Assert.Equal(warns, Check(report).Findings(RuleIds.RulesIssuer).Count == 1);
    }

    [Fact]
    public void No_rules_issued_means_no_issuer_warning_whoever_reports()
    {
        var context = new CheckContext(Sample003()) { Agency = new AgencyProfile(AgencyKind.TownshipStreet, AdministrativeLevel.Township) };

        Assert.Empty(ReportChecker.Check(context).Findings(RuleIds.RulesIssuer));
    }
}
