using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Domain.Rules;

/// <summary>
/// W_PERIOD, W_NARRATIVE and W_NO_FEE_STATEMENT: what the prose says against what the tables and the year say.
/// Prose is free-form, so every pattern here errs towards silence: a false warning costs an agency a 说明,
/// a missed one only a second look by the reviewer.
/// </summary>
internal sealed partial class NarrativeValidator : AbstractValidator<CheckContext>
{
    public NarrativeValidator()
    {
        RuleFor(c => PeriodMentions(c.Report).Where(m => m.Year != c.Report.Year).ToList())
            .Must(wrong => wrong.Count == 0)
            .ReportsAs(RuleIds.Period, FindingSeverity.Warning, _ => [], wrong =>
                $"正文把{string.Join("、", wrong.Select(m => m.Year).Distinct())}年作为报告期（“{wrong[0].Phrase}”），但本报告为{wrong[0].ReportYear}年度报告",
                facts: wrong => FindingFacts.Of(
                    FindingFacts.Indexed("statedYear", wrong.Select(m => (decimal)m.Year).Distinct()).Append(("reportYear", wrong[0].ReportYear)),
                    [("phrase", wrong[0].Phrase)]));

        RuleForEach(c => NarrativeFigures(c.Report).Where(f => f.Missing.Count == 0))
            .Must(f => f.Stated.Count == 0 || f.Stated.Any(f.TableValues.Contains))
            .ReportsAs(RuleIds.Narrative, FindingSeverity.Warning, f => f.Cells, f =>
                $"正文称{f.Subject}{string.Join("、", f.Stated.Select(RuleFormat.Number))}件，但{f.TableText}",
                facts: f => FindingFacts.Of(FindingFacts.Indexed("stated", f.Stated).Concat(f.Figures), [("subject", f.SubjectKey)]));

        // A refused table 四 is not a table of zeros: 「正文称行政诉讼9件」 is then not compared at all.
        RuleForEach(c => NarrativeFigures(c.Report).Where(f => f.Stated.Count > 0 && f.Missing.Count > 0)
                .SelectMany(f => UncheckedInputs.For(c.Report, RuleIds.Narrative, $"正文称{f.Subject}{string.Join("、", f.Stated.Select(RuleFormat.Number))}件", f.Missing, f.Subject)))
            .ReportsUnchecked();

        RuleFor(c => c.Report)
            .Must(MentionsFees)
            .When(c => c.Report.Definition.Rules.RequiresFeeStatement)
            .ReportsAs(RuleIds.NoFeeStatement, FindingSeverity.Warning, _ => [], _ =>
                "正文未说明信息处理费收取情况：按《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），" +
                "应在“六、其他需要报告的事项”中写明本年度是否收取信息处理费及金额（未收取的写“未收取信息处理费”）");
    }

    // ---- W_PERIOD ---------------------------------------------------------------------------------

    /// <summary>
    /// Only phrases that state the reporting period: the title's year, 「YYYY年1月1日至12月31日」, 「本年度（YYYY年）」
    /// and 「现将YYYY年…报告如下」. A bare 「2021年，我区将…」 or a cited document's year is never read as the period.
    /// </summary>
    internal static IEnumerable<PeriodMention> PeriodMentions(ReportDocument report)
    {
        foreach (Match m in TitlePeriod().Matches(report.Title))
        {
            yield return new PeriodMention(Year(m), m.Value, report.Year);
        }

        var overview = report.SectionText(SectionKeys.Overview);
        foreach (var regex in new[] { CalendarPeriod(), ThisYearPeriod(), ReportFollows() })
        {
            foreach (Match m in regex.Matches(overview))
            {
                yield return new PeriodMention(Year(m), m.Value, report.Year);
            }
        }

        static int Year(Match m) => int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"(?<year>(19|20)\d{2})\s*年度?\s*(政府信息公开|政务公开)")]
    private static partial Regex TitlePeriod();

    [GeneratedRegex(@"(?<year>(19|20)\d{2})\s*年\s*1\s*月\s*1\s*日\s*起?\s*(至|到|—|－|-|~|～)\s*((19|20)\d{2}\s*年\s*)?12\s*月\s*31\s*日")]
    private static partial Regex CalendarPeriod();

    [GeneratedRegex(@"本年度\s*[（(]\s*(?<year>(19|20)\d{2})\s*年?\s*[）)]")]
    private static partial Regex ThisYearPeriod();

    [GeneratedRegex(@"现将[^。；;\d《]{0,20}(?<year>(19|20)\d{2})\s*年度?[^。；;\d《]{0,30}?如下")]
    private static partial Regex ReportFollows();

    internal sealed record PeriodMention(int Year, string Phrase, int ReportYear);

    // ---- W_NARRATIVE ------------------------------------------------------------------------------

    /// <summary>
    /// Figures the overview (or the section's own prose) states for requests, 复议 and 诉讼, against table 三 and 四.
    /// Reports often give several figures (全区 and 本级); one of them matching the table is enough. The cells are the
    /// template's <see cref="TemplateRules.Narrative"/>; the words matched are the statute's, the same in every template.
    /// </summary>
    private static IEnumerable<NarrativeCheck> NarrativeFigures(ReportDocument report)
    {
        if (report.Definition.Rules.Narrative is not { } facts)
        {
            yield break;
        }

        string V(string code) => RuleFormat.Effective(report, code);
        decimal E(string code) => ReportTotals.Effective(report, code);

        var requestText = Sentences(report, SectionKeys.Overview, SectionKeys.Requests).Where(s => s.Contains("申请", StringComparison.Ordinal));
        yield return new NarrativeCheck(
            NarrativeSubjects.Requests,
            "收到或受理政府信息公开申请",
            StatedRequests(requestText).ToList(),
            // 受理 sometimes includes last year's carried-over requests; 办结 figures are not compared, because a report
            // that says 「受理并办结4件」 means what it received (sample 003).
            [E(facts.Received), E(facts.Received) + E(facts.CarriedIn)],
            [facts.Received, facts.Processed],
            ReportTotals.Unknown(report, [facts.Received, facts.CarriedIn]),
            $"表三本年新收申请总计为{V(facts.Received)}（上年结转{V(facts.CarriedIn)}，办理结果总计{V(facts.Processed)}）",
            Figures(report, facts.Received, facts.CarriedIn, facts.Processed));

        var appealText = Sentences(report, SectionKeys.Overview, SectionKeys.Appeals).ToList();
        yield return new NarrativeCheck(
            NarrativeSubjects.Review,
            "行政复议",
            Stated(appealText, ReviewCount(), ReviewNone()).ToList(),
            [E(facts.Reviews)],
            [facts.Reviews],
            ReportTotals.Unknown(report, [facts.Reviews]),
            $"表四行政复议总计为{V(facts.Reviews)}",
            Figures(report, facts.Reviews));

        var direct = E(facts.DirectSuits);
        var afterReview = E(facts.SuitsAfterReview);
        yield return new NarrativeCheck(
            NarrativeSubjects.Suits,
            "行政诉讼",
            Stated(appealText, SuitCount(), SuitNone()).ToList(),
            [direct, afterReview, direct + afterReview],
            [facts.DirectSuits, facts.SuitsAfterReview],
            ReportTotals.Unknown(report, [facts.DirectSuits, facts.SuitsAfterReview]),
            $"表四行政诉讼总计为{RuleFormat.Number(direct + afterReview)}（未经复议直接起诉{RuleFormat.Number(direct)}，复议后起诉{RuleFormat.Number(afterReview)}）",
            Figures(report, facts.DirectSuits, facts.SuitsAfterReview));
    }

    /// <summary>The table figures a narrative finding quotes, by cell code, as the rule counted them.</summary>
    private static (string, decimal)[] Figures(ReportDocument report, params string[] codes) =>
        codes.Select(code => (code, ReportTotals.Effective(report, code))).ToArray();

    private static IEnumerable<string> Sentences(ReportDocument report, params string[] keys) =>
        keys.SelectMany(k => SentenceBreak().Split(report.SectionText(k))).Where(s => s.Length > 0);

    private static IEnumerable<decimal> StatedRequests(IEnumerable<string> sentences)
    {
        foreach (var sentence in sentences)
        {
            foreach (Match m in RequestCount().Matches(sentence))
            {
                // 「收到人大建议12件」 sits in sentences about requests too: the words between the verb and the
                // number must be about 申请, or be nothing at all (「区本级收到48件」).
                var between = m.Groups["between"].Value;
                if (between.Contains("申请", StringComparison.Ordinal) || FillerOnly().IsMatch(between))
                {
                    yield return Number(m);
                }
            }

            foreach (Match m in RequestNone().Matches(sentence))
            {
                if (!m.Value.Contains("理由", StringComparison.Ordinal))
                {
                    yield return 0m;
                }
            }
        }
    }

    private static IEnumerable<decimal> Stated(IEnumerable<string> sentences, Regex count, Regex none) =>
        sentences.SelectMany(s => count.Matches(s).Select(Number).Concat(none.Matches(s).Select(_ => 0m)));

    private static decimal Number(Match m) => decimal.Parse(m.Groups["n"].Value.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);

    [GeneratedRegex(@"[。；;！!？?\r\n]+")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"(收到|受理|新收|接收|收悉|接到)(?<between>[^。；;，,：:\d]{0,24}?)(?<n>\d{1,3}(,\d{3})+|\d+)\s*(件|个|份|宗|起)")]
    private static partial Regex RequestCount();

    [GeneratedRegex(@"^[共计总了合]*$")]
    private static partial Regex FillerOnly();

    [GeneratedRegex(@"(无|没有|未收到|未受理|未发生)[^。；;，,\d]{0,10}?申请")]
    private static partial Regex RequestNone();

    [GeneratedRegex(@"行政复议[^。；;，,：:\d]{0,8}?(?<n>\d+)\s*(件|个|宗|起|次)")]
    private static partial Regex ReviewCount();

    [GeneratedRegex(@"(无|没有|未发生|未被|未收到)[^。；;，,\d]{0,12}?复议")]
    private static partial Regex ReviewNone();

    [GeneratedRegex(@"(?<!败)诉讼[^。；;，,：:\d]{0,8}?(?<n>\d+)\s*(件|个|宗|起|次)")]
    private static partial Regex SuitCount();

    [GeneratedRegex(@"(无|没有|未发生|未被|未收到)[^。；;，,\d]{0,12}?诉讼")]
    private static partial Regex SuitNone();

    private sealed record NarrativeCheck(
        string SubjectKey, string Subject, IReadOnlyList<decimal> Stated, decimal[] TableValues, string[] Cells, IReadOnlyList<string> Missing, string TableText, (string, decimal)[] Figures);

    // ---- W_NO_FEE_STATEMENT -----------------------------------------------------------------------

    private static bool MentionsFees(ReportDocument report) =>
        SectionKeys.All.SelectMany(k => SentenceBreak().Split(report.SectionText(k)))
            .Any(s => s.Contains("处理费", StringComparison.Ordinal)
                || (s.Contains("申请", StringComparison.Ordinal) && FeeWords().IsMatch(s)));

    [GeneratedRegex("收费|收取|费用|缴费")]
    private static partial Regex FeeWords();
}
