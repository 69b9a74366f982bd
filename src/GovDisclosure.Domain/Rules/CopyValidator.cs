using FluentValidation;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Similarity;

namespace GovDisclosure.Domain.Rules;

/// <summary>
/// W_COPY: a section whose text is found, at or above the region's 提示线, in an earlier report of the agency or in a
/// published report of another (国办公开办函〔2021〕30号 asks the 主管部门 to pursue 雷同 reports). A warning, not an
/// error: a paragraph legitimately kept from last year is explained, not refused. The anchor is the section, so the
/// 说明 stays attached while the percentage moves with each edit.
/// </summary>
internal sealed class CopyValidator : AbstractValidator<CheckContext>
{
    public CopyValidator()
    {
        RuleForEach(c => Headed(c))
            .Must(s => s.Copy.Percent < s.Copy.ThresholdPercent)
            .ReportsAs(RuleIds.Copied, FindingSeverity.Warning, _ => [], s => s.Copy.SectionKey, s =>
                $"“{s.Heading}”有{s.Copy.Percent}%的文字与{s.Copy.SourceAgency}{s.Copy.SourceYear}年度报告相同，达到本地区设定的{s.Copy.ThresholdPercent}%提示线。" +
                "请说明沿用的原因（例如制度性表述未变），或改写为本年度的实际情况",
                facts: s => FindingFacts.Of(
                    [("percent", s.Copy.Percent), ("threshold", s.Copy.ThresholdPercent), ("sourceYear", s.Copy.SourceYear)],
                    [("section", s.Copy.SectionKey), ("sourceAgency", s.Copy.SourceAgency)]));
    }

    private static IEnumerable<HeadedCopy> Headed(CheckContext context) => context.Copies
        .Where(s => s.ThresholdPercent > 0 && context.Report.Definition.Sections.Any(d => d.Key == s.SectionKey))
        .Select(s => new HeadedCopy(s, context.Report.Definition.Section(s.SectionKey).Heading));

    private sealed record HeadedCopy(CopiedSection Copy, string Heading);
}
