using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Workflow;

namespace GovDisclosure.Domain.Tests.Workflow;

/// <summary>A historical report keeps the source's numbers and can never become a portal report that breaks the rules.</summary>
public sealed class HistoricalReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Agency Bureau = new("北仑区发展局", "BL-FZJ", AgencyKind.Department, AdministrativeLevel.County, null);
    private static readonly Actor Operator = new("cli:ops", "命令行导入（ops）", 0);
    private static readonly Dictionary<string, string> None = [];

    private static (AnnualReport Report, HistoricalSource Source) Unbalanced()
    {
        var content = GovDisclosure.Tests.Shared.CompleteReport.Balanced(2020);
        content.Agency = Bureau.Name;
        content.Cells["s3.received.natural"] = (content.Cells.Get("s3.received.natural") ?? 0) + 7;
        return AnnualReport.ImportHistory(Bureau, content, [], "2020.txt", "text/plain", "原文"u8.ToArray(), Operator, Now);
    }

    [Fact]
    public void An_unbalanced_source_is_kept_as_published_and_the_rules_say_what_is_wrong()
    {
        var (report, source) = Unbalanced();

        Assert.Equal((ReportOrigin.ImportedHistory, ReportState.Approved), (report.Origin, report.State));
        Assert.Contains(report.Check(report.ToDocument(Bureau.Name), null), f => f.IsError);
        Assert.Equal(HistoricalSource.HashOf("原文"u8.ToArray()), source.Sha256);
        Assert.Contains(report.AuditTrail, a => a.Action == AuditActions.ImportedHistory && a.UserName == Operator.UserName);
    }

    [Fact]
    public void A_historical_report_cannot_be_edited_returned_or_corrected_on_the_portal()
    {
        var (report, source) = Unbalanced();
        var balanced = GovDisclosure.Tests.Shared.CompleteReport.Balanced(2020);

        Assert.Contains("历史报告", Assert.Throws<DomainException>(() => report.UpdateContent(balanced, None, None, Operator, Now)).Message);
        Assert.Throws<DomainException>(() => report.Return(Operator, Now, "退回"));
        Assert.Throws<DomainException>(() => report.Submit(Operator, Now, Bureau.Name));

        report.Publish(Operator, Now, Bureau.Name, "%PDF"u8.ToArray(), "{}", null, source);
        Assert.Throws<DomainException>(() => report.OpenCorrection(Operator, Now, "更正"));
    }

    [Fact]
    public void Publishing_a_historical_report_publishes_its_errors_and_refuses_to_go_without_its_original()
    {
        var (report, source) = Unbalanced();

        Assert.Throws<DomainException>(() => report.Publish(Operator, Now, Bureau.Name, "%PDF"u8.ToArray(), "{}", null));
        var publication = report.Publish(Operator, Now, Bureau.Name, "%PDF"u8.ToArray(), "{}", null, source);

        Assert.Equal(ReportOrigin.ImportedHistory, publication.Origin);
        Assert.Contains(publication.Findings!, f => f.Severity == FindingSeverity.Error);
    }
}
