using FluentValidation;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Domain.Rules;

/// <summary>
/// R3-C, R3-D and R4-A, read from <see cref="TemplateDefinition.Sums"/> so a new template brings its own totals.
/// Only a written total can disagree with its parts: a blank total is computed from them (report-templates.md §6.6).
/// </summary>
internal sealed class SumRuleValidator : AbstractValidator<CheckContext>
{
    /// <summary>Up to this many parts every part is shown; beyond it only the non-zero ones, or the message drowns.</summary>
    private const int PartsShownInFull = 4;

    public SumRuleValidator()
    {
        // FluentValidation fixes a rule's error code when the rule is built, so the ids are those the default
        // catalogue uses; a new definition's sums under these ids (R3-C, R3-D, R4-A) are checked like any other.
        foreach (var ruleId in TemplateCatalog.Default.All.SelectMany(t => t.Sums).Select(s => s.RuleId).Distinct())
        {
            RuleForEach(c => Checks(c.Report, ruleId).Where(s => s.Missing.Count == 0))
                .Must(s => s.Written is null || s.Written == s.Sum)
                .ReportsAs(ruleId, FindingSeverity.Error, s => s.Parts.Select(p => p.Cell.Code).Prepend(s.Total.Code), Message, Facts);

            // A blank total with unknown parts is only a computed total nobody can compute, and a sum none of whose
            // cells was read (a table not found) has nothing to compare: IMPORT-MISSING already says so.
            RuleForEach(c => Unchecked(c.Report, ruleId)).ReportsUnchecked();
        }
    }

    private static IEnumerable<SumCheck> Checks(ReportDocument report, string ruleId) =>
        report.Definition.Sums
            .Where(rule => rule.RuleId == ruleId)
            .Select(rule => new SumCheck(
                report.Definition.Cell(rule.Total),
                report.Cells.Get(rule.Total),
                rule.Parts.Select(p => new Part(report.Definition.Cell(p), ReportTotals.Effective(report, p))).ToList(),
                report.Cells.IsUnknown(rule.Total),
                ReportTotals.Unknown(report, rule.Parts.Prepend(rule.Total))));

    private static IEnumerable<UncheckedInputs.Item> Unchecked(ReportDocument report, string ruleId) =>
        UncheckedInputs.For(report, ruleId, $"合计等于各分项之和（{Example(report, ruleId)}）",
            Checks(report, ruleId).Where(s => (s.Written is not null || s.TotalUnknown) && s.Missing.Count <= s.Parts.Count).SelectMany(s => s.Missing));

    /// <summary>How the unchecked finding names the kind of total, by the first one of the rule: 「“三（一）予以公开 — 总计”等」.</summary>
    private static string Example(ReportDocument report, string ruleId) =>
        report.Definition.Sums.FirstOrDefault(s => s.RuleId == ruleId) is { } first ? $"如“{report.Definition.Cell(first.Total).DisplayName}”" : ruleId;

    /// <summary>The written total under its own code, each part as counted (blank as 0) under its code.</summary>
    private static FindingFacts Facts(SumCheck s) =>
        FindingFacts.Of(s.Parts.Select(p => (p.Cell.Code, p.Value)).Prepend((s.Total.Code, s.Written ?? 0)));

    private static string Message(SumCheck s)
    {
        var written = $"“{s.Total.DisplayName}”填报为{RuleFormat.Number(s.Written ?? 0)}";
        var sum = RuleFormat.Number(s.Sum);
        var shown = s.Parts.Count <= PartsShownInFull ? s.Parts : s.Parts.Where(p => p.Value != 0).ToList();
        if (shown.Count == 0)
        {
            return $"{written}，但各分项均为0或空白，合计0";
        }

        var terms = string.Join("＋", shown.Select(p => $"{RuleFormat.ShortName(p.Cell, s.Total)}{RuleFormat.Number(p.Value)}"));
        return shown.Count == s.Parts.Count
            ? $"{written}，但{terms}＝{sum}"
            : $"{written}，但各分项之和为{sum}（{terms}，其余为0或空白）";
    }

    private sealed record Part(CellDefinition Cell, decimal Value);

    private sealed record SumCheck(CellDefinition Total, decimal? Written, IReadOnlyList<Part> Parts, bool TotalUnknown, IReadOnlyList<string> Missing)
    {
        public decimal Sum => Parts.Sum(p => p.Value);
    }
}
