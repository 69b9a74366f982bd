using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Rules;
using GovDisclosure.Domain.Similarity;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Tests.Shared;

namespace GovDisclosure.Domain.Tests.Rules;

public sealed class CopyRuleTests
{
    [Fact]
    public void A_section_at_the_regions_threshold_needs_a_note_naming_the_source_and_one_below_it_does_not()
    {
        var report = CompleteReport.Balanced(2024);
        var copies = new[]
        {
            new CopiedSection(SectionKeys.Overview, 82, 60, "新华区甲局", 2023),
            new CopiedSection(SectionKeys.Problems, 45, 60, "新华区乙局", 2024),
        };

        var findings = ReportChecker.Check(new CheckContext(report) { Copies = copies });

        var warning = Assert.Single(findings, f => f.RuleId == RuleIds.Copied);
        Assert.Equal(FindingSeverity.Warning, warning.Severity);
        Assert.Equal($"{RuleIds.Copied}@{SectionKeys.Overview}", warning.Key);
        Assert.Contains("“一、总体情况”有82%的文字与新华区甲局2023年度报告相同，达到本地区设定的60%提示线", warning.Message, StringComparison.Ordinal);

        var published = PublishedFinding.From(warning, "制度性表述沿用上年。");
        Assert.Equal("“一、总体情况”有82%的文字与新华区甲局2023年度报告相同。", FindingText.Describe(published, report.Definition));
    }

    [Fact]
    public void A_region_that_switched_the_warning_off_gets_none()
    {
        var report = CompleteReport.Balanced(2024);

        var findings = ReportChecker.Check(new CheckContext(report) { Copies = [new CopiedSection(SectionKeys.Overview, 95, 0, "新华区甲局", 2023)] });

        Assert.DoesNotContain(findings, f => f.RuleId == RuleIds.Copied);
    }
}
