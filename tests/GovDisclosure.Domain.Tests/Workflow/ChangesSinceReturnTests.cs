using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Domain.Workflow;

namespace GovDisclosure.Domain.Tests.Workflow;

public sealed class ChangesSinceReturnTests
{
    private static readonly DateTimeOffset Now = new(2022, 1, 10, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Agency Bureau = new("北仑区发展局", "BL-FZJ", AgencyKind.Department, AdministrativeLevel.County, null);
    private static readonly Actor Filler = new("filler", "填报人甲", 0);
    private static readonly Actor Reviewer = new("reviewer", "审核人乙", 0);
    private static readonly Dictionary<string, string> None = [];

    private static ReportDocument Balanced(AnnualReport report, int received)
    {
        var doc = report.ToDocument(Bureau.Name);
        foreach (var cell in doc.Definition.Cells)
        {
            doc.Cells[cell.Code] = 0;
        }

        foreach (var code in new[] { "s3.received.natural", "s3.received.total", "s3.granted.natural", "s3.granted.total", "s3.processed.natural", "s3.processed.total" })
        {
            doc.Cells[code] = received;
        }

        doc.Sections[SectionKeys.Other] = "本年度未收取信息处理费。";
        doc.Sections[SectionKeys.Overview] = "本年度依申请公开工作情况……";
        return doc;
    }

    [Fact]
    public void A_resubmission_lists_each_cell_old_to_new_the_changed_sections_and_which_comments_were_addressed()
    {
        var report = AnnualReport.Start(Bureau, 2021, Filler, Now);
        report.UpdateContent(Balanced(report, 3), None, None, Filler, Now);
        report.Submit(Filler, Now, Bureau.Name);
        var onCell = report.Comment(Reviewer, Now.AddMinutes(1), "自然人申请数请核对", null, "s3.received.natural");
        var onProblems = report.Comment(Reviewer, Now.AddMinutes(1), "问题部分过于简略", SectionKeys.Problems, null);
        var onOverview = report.Comment(Reviewer, Now.AddMinutes(1), "总体情况请补充", SectionKeys.Overview, null);
        var summary = report.Return(Reviewer, Now.AddMinutes(2), "请按意见修改");
        var fixedUp = Balanced(report, 4);
        fixedUp.Sections[SectionKeys.Problems] = "人员不足，明年增配一人。";
        report.UpdateContent(fixedUp, None, None, Filler, Now.AddMinutes(3));
        report.Submit(Filler, Now.AddMinutes(4), Bureau.Name);

        var changes = ChangesSinceReturn.Of(report, report.AuditTrail, [onCell, onProblems, onOverview, summary])!;

        var natural = ReportTemplates.Get(report.Template).Cell("s3.received.natural");
        Assert.Contains(new CellChange(natural.Code, natural.DisplayName, "3", "4"), changes.Cells);
        Assert.DoesNotContain(changes.Cells, c => c.Code == "s3.received.legal");
        Assert.Equal([SectionKeys.Problems], changes.Sections.Select(s => s.Key));
        Assert.Equal("审核人乙", changes.ReturnedBy);
        Assert.Equal(
            [("自然人申请数请核对", (bool?)true), ("问题部分过于简略", true), ("总体情况请补充", false), ("请按意见修改", null)],
            changes.Comments.Select(c => (c.Comment.Text, c.Addressed)));
    }

    [Fact]
    public void A_revision_never_returned_has_no_changes_since_return()
    {
        var report = AnnualReport.Start(Bureau, 2021, Filler, Now);
        report.UpdateContent(Balanced(report, 3), None, None, Filler, Now);
        report.Submit(Filler, Now, Bureau.Name);

        Assert.Null(ChangesSinceReturn.Of(report, report.AuditTrail, []));
    }
}
