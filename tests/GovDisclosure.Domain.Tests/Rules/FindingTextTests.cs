using System.Text.Json;
using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Rules;
using GovDisclosure.Domain.Templates;
using static GovDisclosure.Domain.Tests.Rules.TestReports;

namespace GovDisclosure.Domain.Tests.Rules;

/// <summary>
/// The public sentence of a published finding is written from the stored facts alone: these tests build the
/// facts by hand (as a database row would give them back) and never run the rules, except where they prove that
/// the rules store the facts the sentence needs.
/// </summary>
public class FindingTextTests
{
    private static readonly TemplateDefinition T2021 = ReportTemplates.Get(TemplateVersion.T2021);
    private static readonly TemplateDefinition T2019 = ReportTemplates.Get(TemplateVersion.T2019);

    [Fact]
    public void Blank_cells_are_described_by_table_row_and_column_under_a_plain_rule_name()
    {
        var finding = Stored(RuleIds.BlankAsZero, ["s3.received.research", "s3.received.orgother"], anchor: "s3");

        Assert.Equal("空白单元格按0处理", FindingText.RuleName(finding.RuleId));
        Assert.Equal(
            "“三、收到和处理政府信息公开申请情况”表有2个单元格未填写，已按0计算（三 一、本年新收申请数量：科研机构、其他）。",
            FindingText.Describe(finding, T2021));
    }

    [Fact]
    public void A_fee_written_in_yuan_is_described_with_the_amount_in_wan_and_yi()
    {
        var finding = Stored(RuleIds.FeeUnit, ["s2.fees.amount"], numbers: [("s2.fees.amount", 32_700m)]);

        Assert.Equal(
            "“二（八）行政事业性收费 — 本年收费金额（单位：万元）”填报为32700万元（即3.27亿元），数额明显偏大，可能是按“元”填报的。",
            FindingText.Describe(finding, T2021));
    }

    [Fact]
    public void Rules_issued_by_an_agency_that_may_not_issue_them_names_the_reason_stored_with_the_finding()
    {
        var finding = Stored(RuleIds.RulesIssuer, ["s2.rules.issued"], numbers: [("s2.rules.issued", 2)], terms: [("reason", "县级及以下机关（东区人民政府）")]);

        Assert.Equal(
            "“二（一）规章 — 本年制发件数”填报为2件，但县级及以下机关（东区人民政府）按照《立法法》无权制定规章。",
            FindingText.Describe(finding, T2021));
    }

    [Fact]
    public void A_wrong_reporting_period_quotes_the_phrase_and_both_years()
    {
        var finding = Stored(RuleIds.Period, [], numbers: [("statedYear1", 2020), ("reportYear", 2021)], terms: [("phrase", "2020年1月1日至12月31日")]);

        Assert.Equal("正文把2020年写作报告期（“2020年1月1日至12月31日”），而本报告为2021年度报告。", FindingText.Describe(finding, T2021));
    }

    [Fact]
    public void A_narrative_figure_is_set_against_the_table_figures_in_template_order()
    {
        var finding = Stored(RuleIds.Narrative, ["s3.received.total", "s3.processed.total"],
            numbers: [("stated1", 15), ("s3.processed.total", 12), ("s3.carried_in.total", 3), ("s3.received.total", 12)],
            terms: [("subject", NarrativeSubjects.Requests)]);

        Assert.Equal(
            "正文称收到或受理政府信息公开申请15件，而表中“三 一、本年新收申请数量 — 总计”为12，" +
            "“三 二、上年结转申请数量 — 总计”为3，“三（七）总计 — 总计”为12。",
            FindingText.Describe(finding, T2021));
    }

    [Fact]
    public void A_missing_fee_statement_needs_no_facts()
    {
        Assert.Equal("正文未说明本年度是否收取信息处理费。", FindingText.Describe(Stored(RuleIds.NoFeeStatement, []), T2021));
    }

    [Fact]
    public void Carried_over_requests_are_set_against_last_years_report()
    {
        var finding = Stored(RuleIds.CarriedOverAcrossYears, ["s3.carried_in.natural"],
            numbers: [("s3.carried_in.natural", 3), ("previousCarriedOut", 2), ("previousYear", 2021)]);

        Assert.Equal("自然人一栏本年“上年结转”为3件，而2021年报告的“结转下年度继续办理”为2件。", FindingText.Describe(finding, T2021));
    }

    [Fact]
    public void Effective_documents_show_the_arithmetic_from_last_year()
    {
        var finding = Stored(RuleIds.EffectiveDocuments, ["s2.normative.effective", "s2.normative.issued", "s2.normative.repealed"],
            numbers: [("s2.normative.effective", 55), ("s2.normative.issued", 2), ("s2.normative.repealed", 2), ("previousEffective", 54)]);

        Assert.Equal(
            "二（一）行政规范性文件现行有效55件，而上年现行有效54件加本年制发2件、减本年废止2件应为54件。",
            FindingText.Describe(finding, T2021));
    }

    [Fact]
    public void Repealing_more_than_existed_shows_the_bound()
    {
        var finding = Stored(RuleIds.RepealedBound, ["s2.normative.repealed", "s2.normative.issued"],
            numbers: [("s2.normative.repealed", 60), ("s2.normative.issued", 2), ("previousEffective", 54)]);

        Assert.Equal("二（一）行政规范性文件本年废止60件，多于上年现行有效54件与本年制发2件之和（56件）。", FindingText.Describe(finding, T2021));
    }

    [Fact]
    public void A_previous_item_count_is_set_against_last_years_count_and_change()
    {
        var finding = Stored(RuleIds.PreviousItemCount, ["s2.penalty.prev"],
            numbers: [("s2.penalty.prev", 0), ("previousPrev", 5), ("previousChange", -2), ("previousYear", 2019)]);

        Assert.Equal(
            "“二（六）行政处罚 — 上一年项目数量”为0，而2019年报告的上一年项目数量5加本年增减-2为3。",
            FindingText.Describe(finding, T2019));
    }

    [Fact]
    public void A_balance_rule_without_wording_of_its_own_lists_its_cells_and_numbers()
    {
        var finding = Stored(RuleIds.RowTotal, ["s4.review.total", "s4.review.upheld"], numbers: [("s4.review.total", 5), ("s4.review.upheld", 4)]);

        var text = FindingText.Describe(finding, T2021);

        Assert.StartsWith("总计与分项不符：", text, StringComparison.Ordinal);
        Assert.Contains("为5", text, StringComparison.Ordinal);
        Assert.Contains("为4", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_finding_without_its_numbers_says_only_what_is_known_and_never_its_rule_code()
    {
        var finding = Stored(RuleIds.CarriedOverAcrossYears, ["s3.carried_in.natural"]);

        var text = FindingText.Describe(finding, T2021);

        Assert.Equal("上年结转与上年报告不一致（涉及三 二、上年结转申请数量 — 自然人）。", text);
        Assert.DoesNotContain("X-1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_rule_that_can_be_published_has_a_plain_name_without_its_code()
    {
        foreach (var id in RuleIds.All)
        {
            var name = FindingText.RuleName(id);
            Assert.NotEqual("校验提示", name);
            Assert.DoesNotContain(id, name, StringComparison.Ordinal);
        }
    }

    /// <summary>The rules store what the sentence needs: each published warning reads with the numbers the rule compared.</summary>
    [Fact]
    public void Warnings_found_by_the_rules_read_back_from_their_stored_facts_with_the_same_numbers()
    {
        var previous = BalancedT2021(2021);
        Set(previous, "s3.carried_out.natural", 2);
        var report = BalancedT2021(2022);
        Set(report, "s2.normative.repealed", 60);
        Set(report, "s2.fees.amount", 327_000m);
        Set(report, "s2.rules.issued", 1);
        report.Cells.Remove("s4.review.other");
        report.Sections[SectionKeys.Overview] = "2022年，本机关共收到政府信息公开申请20件。全年被申请行政复议4件，提起行政诉讼3件。";
        var findings = ReportChecker.Check(new CheckContext(report) { Previous = previous, Agency = new AgencyProfile(AgencyKind.Department, AdministrativeLevel.County) });

        var published = PublishedFinding.ForPublication(findings, new Dictionary<string, string>()).Select(RoundTrip).ToList();
        var text = published.ToDictionary(f => f.RuleId, f => FindingText.Describe(f, T2021));

        Assert.Contains("本年“上年结转”为3件，而2021年报告的“结转下年度继续办理”为2件", text[RuleIds.CarriedOverAcrossYears], StringComparison.Ordinal);
        Assert.Contains("本年废止60件，多于上年现行有效54件与本年制发2件之和（56件）", text[RuleIds.RepealedBound], StringComparison.Ordinal);
        Assert.Contains("填报为327000万元（即32.7亿元）", text[RuleIds.FeeUnit], StringComparison.Ordinal);
        Assert.Contains("填报为1件，但县级及以下机关", text[RuleIds.RulesIssuer], StringComparison.Ordinal);
        Assert.Contains("正文称收到或受理政府信息公开申请20件，而表中“三 一、本年新收申请数量 — 总计”为12", text[RuleIds.Narrative], StringComparison.Ordinal);
        Assert.Contains("有1个单元格未填写，已按0计算", text[RuleIds.BlankAsZero], StringComparison.Ordinal);
    }

    [Fact]
    public void A_warning_keeps_its_explanation_and_an_explanation_whose_warning_has_gone_is_still_published()
    {
        var report = BalancedT2021(2022);
        report.Cells.Remove("s4.review.other");
        var findings = ReportChecker.Check(report);
        var blank = Assert.Single(findings, f => f.RuleId == RuleIds.BlankAsZero);
        var explanations = new Dictionary<string, string>
        {
            [blank.Key] = "本年度确无此类复议结果。",
            ["X-1:s3.carried_in.natural"] = "上年报告更正前的结转数。",
        };

        var published = PublishedFinding.ForPublication(findings, explanations);

        Assert.Equal("本年度确无此类复议结果。", published.Single(f => f.RuleId == RuleIds.BlankAsZero).Explanation);
        var orphan = published.Single(f => f.RuleId == RuleIds.CarriedOverAcrossYears);
        Assert.Equal(["s3.carried_in.natural"], orphan.CellCodes);
        Assert.Equal("上年报告更正前的结转数。", orphan.Explanation);
        Assert.DoesNotContain(published, f => f.Severity == FindingSeverity.Error);
    }

    private static PublishedFinding Stored(
        string ruleId, string[] cells, string? anchor = null, (string, decimal)[]? numbers = null, (string, string)[]? terms = null) =>
        RoundTrip(new PublishedFinding(
            ruleId, FindingSeverity.Warning, ruleId, anchor, cells,
            (numbers ?? []).ToDictionary(n => n.Item1, n => n.Item2), (terms ?? []).ToDictionary(t => t.Item1, t => t.Item2), null));

    /// <summary>As the database gives it back: through JSON, with no reference to the rule that found it.</summary>
    private static PublishedFinding RoundTrip(PublishedFinding finding) =>
        JsonSerializer.Deserialize<PublishedFinding>(JsonSerializer.Serialize(finding))!;
}
