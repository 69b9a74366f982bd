using GovDisclosure.Tests.Shared;
using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Domain.Workflow;

namespace GovDisclosure.Domain.Tests.Workflow;

public sealed class AnnualReportTests
{
    private static readonly DateTimeOffset Now = new(2022, 1, 10, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Agency Bureau = new("北仑区发展局", "BL-FZJ", AgencyKind.Department, AdministrativeLevel.County, null);
    private static readonly Actor Filler = new("filler", "填报人甲", 0);
    private static readonly Actor Reviewer = new("reviewer", "审核人乙", 0);
    private static readonly Dictionary<string, string> None = [];

    private static AnnualReport Submitted()
    {
        var report = AnnualReport.Start(Bureau, 2021, Filler, Now);
        report.UpdateContent(CompleteReport.Balanced(report.Year, received: 3, carriedIn: 0, carriedOut: 0), None, None, Filler, Now);
        report.Submit(Filler, Now, Bureau.Name);
        return report;
    }

    private static AnnualReport Published()
    {
        var report = Submitted();
        report.Approve(Reviewer, Now);
        report.Publish(Reviewer, Now, Bureau.Name, [1, 2, 3], "{}", previousYear: null);
        return report;
    }

    [Fact]
    public void A_new_report_uses_the_template_of_its_year_and_starts_as_a_draft()
    {
        var report = AnnualReport.Start(Bureau, 2020, Filler, Now);

        Assert.Equal(TemplateVersion.T2019, report.Template);
        Assert.Equal(ReportState.Draft, report.State);
        Assert.Equal(1, report.Revision);
        Assert.Equal(AuditActions.Created, Assert.Single(report.AuditTrail).Action);
    }

    [Fact]
    public void Last_years_carried_out_becomes_this_years_carried_in_across_the_2021_format_change()
    {
        var previous = new ReportDocument(TemplateVersion.T2019, 2020, Bureau.Name, "2020");
        previous.Cells["s3.carried_out.natural"] = 3;
        previous.Cells["s3.carried_out.commercial"] = 1;
        previous.Cells["s3.carried_out.total"] = 4;

        var report = AnnualReport.Start(Bureau, 2021, Filler, Now, previous);

        Assert.Equal(3, report.Cells["s3.carried_in.natural"]);
        Assert.Equal(1, report.Cells["s3.carried_in.commercial"]);
        Assert.Equal(4, report.Cells["s3.carried_in.total"]);
        Assert.Equal(3, report.CarriedValues.Count);
    }

    [Fact]
    public void The_effective_document_count_carries_forward_between_2021_format_years()
    {
        var previous = new ReportDocument(TemplateVersion.T2021, 2021, Bureau.Name, "2021");
        previous.Cells["s2.normative.effective"] = 54;

        var report = AnnualReport.Start(Bureau, 2022, Filler, Now, previous);

        Assert.Equal(54, report.Cells["s2.normative.effective"]);
    }

    [Fact]
    public void Changing_a_carried_value_without_a_reason_is_refused_and_with_one_is_audited()
    {
        var previous = new ReportDocument(TemplateVersion.T2021, 2021, Bureau.Name, "2021");
        previous.Cells["s3.carried_out.natural"] = 2;
        var report = AnnualReport.Start(Bureau, 2022, Filler, Now, previous);
        var doc = report.ToDocument(Bureau.Name);
        doc.Cells["s3.carried_in.natural"] = 1;
        doc.Cells["s3.granted.natural"] = 1;
        doc.Cells["s3.processed.natural"] = 1;

        var refused = Assert.Throws<DomainException>(() => report.UpdateContent(doc, None, None, Filler, Now));
        Assert.Contains("上年结转", refused.Message, StringComparison.Ordinal);
        Assert.Equal(2, report.Cells["s3.carried_in.natural"]);

        report.UpdateContent(doc, None, new Dictionary<string, string> { ["s3.carried_in.natural"] = "机构改革后划转1件" }, Filler, Now);
        var entry = report.AuditTrail.Single(a => a.Action == AuditActions.CarryOverChanged);
        Assert.Equal("s3.carried_in.natural", entry.CellCode);
        Assert.Equal("2", entry.OldValue);
        Assert.Equal("1", entry.NewValue);
        Assert.Contains("机构改革后划转1件", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_changed_cell_is_audited_with_its_old_and_new_value()
    {
        var report = AnnualReport.Start(Bureau, 2021, Filler, Now);
        report.UpdateContent(CompleteReport.Balanced(report.Year, received: 3, carriedIn: 0, carriedOut: 0), None, None, Filler, Now);
        report.UpdateContent(CompleteReport.Balanced(report.Year, received: 5, carriedIn: 0, carriedOut: 0), None, None, Filler, Now);

        var edits = report.AuditTrail.Where(a => a.Action == AuditActions.CellChanged && a.CellCode == "s3.received.natural").ToList();
        Assert.Equal([("（空）", "3"), ("3", "5")], edits.Select(e => (e.OldValue, e.NewValue)));
        Assert.All(edits, e => Assert.Equal("填报人甲", e.UserName));
    }

    [Fact]
    public void The_submitter_cannot_approve_their_own_submission()
    {
        var report = Submitted();

        var refused = Assert.Throws<DomainException>(() => report.Approve(Filler, Now));
        Assert.Contains("提交人不能审核通过", refused.Message, StringComparison.Ordinal);
        Assert.Equal(ReportState.Submitted, report.State);
    }

    [Fact]
    public void A_submission_can_be_withdrawn_before_review_but_not_after_approval()
    {
        var report = Submitted();
        report.Withdraw(Filler, Now);
        Assert.Equal(ReportState.Draft, report.State);

        report.Submit(Filler, Now, Bureau.Name);
        report.Approve(Reviewer, Now);
        var refused = Assert.Throws<DomainException>(() => report.Withdraw(Filler, Now));
        Assert.Contains("已通过", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_returned_report_can_be_edited_and_submitted_again()
    {
        var report = Submitted();
        var reason = report.Return(Reviewer, Now, " 请核对予以公开数 ");
        Assert.Equal(ReportState.Returned, report.State);
        Assert.Equal(("请核对予以公开数", null, null), (reason.Text, reason.SectionKey, reason.CellCode));

        report.UpdateContent(CompleteReport.Balanced(report.Year, received: 4, carriedIn: 0, carriedOut: 0), None, None, Filler, Now);
        report.Submit(Filler, Now, Bureau.Name);

        Assert.Equal(ReportState.Submitted, report.State);
        Assert.Equal(4, report.Cells["s3.received.natural"]);
    }

    [Fact]
    public void Returning_needs_a_written_reason()
    {
        var report = Submitted();
        Assert.Throws<DomainException>(() => report.Return(Reviewer, Now, "  "));
        Assert.Equal(ReportState.Submitted, report.State);
    }

    [Fact]
    public void Only_an_approved_report_can_be_published()
    {
        var report = Submitted();

        var refused = Assert.Throws<DomainException>(() => report.Publish(Reviewer, Now, Bureau.Name, [1], "{}", previousYear: null));
        Assert.Contains("不能发布", refused.Message, StringComparison.Ordinal);
        Assert.Null(report.PublishedRevision);
    }

    [Fact]
    public void Publishing_stores_the_pdf_hash_and_marks_the_revision_public()
    {
        var report = Submitted();
        report.Approve(Reviewer, Now);
        var publication = report.Publish(Reviewer, Now, Bureau.Name, "pdf"u8.ToArray(), "{}", previousYear: null);

        Assert.Equal(ReportState.Published, report.State);
        Assert.Equal(1, report.PublishedRevision);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("pdf"u8)), publication.PdfSha256);
        Assert.Contains(publication.Cells, c => c.Code == "s3.received.natural" && c.Value == 3);
    }

    [Fact]
    public void Publishing_stores_each_warning_as_facts_with_the_explanation_written_for_it()
    {
        var report = AnnualReport.Start(Bureau, 2021, Filler, Now);
        var content = CompleteReport.Balanced(report.Year, received: 3, carriedIn: 0, carriedOut: 0);
        content.Cells.Remove("s4.review.other");
        var warning = Assert.Single(report.UpdateContent(content, None, None, Filler, Now));
        report.UpdateContent(content, new Dictionary<string, string> { [warning.Key] = "本年度无其他复议结果。" }, None, Filler, Now);
        report.Submit(Filler, Now, Bureau.Name);
        report.Approve(Reviewer, Now);

        var publication = report.Publish(Reviewer, Now, Bureau.Name, [1], "{}", previousYear: null);

        var stored = Assert.Single(publication.Findings!);
        Assert.Equal((GovDisclosure.Domain.Rules.RuleIds.BlankAsZero, "s4", "本年度无其他复议结果。"), (stored.RuleId, stored.Anchor, stored.Explanation));
        Assert.Equal(["s4.review.other"], stored.CellCodes);
        Assert.Equal(warning.Key, stored.Key);
    }

    [Fact]
    public void Publishing_a_report_without_warnings_stores_an_empty_list_and_backfilling_it_changes_nothing()
    {
        var report = Submitted();
        report.Approve(Reviewer, Now);

        var publication = report.Publish(Reviewer, Now, Bureau.Name, [1], "{}", previousYear: null);

        Assert.Empty(publication.Findings!);
        Assert.False(publication.BackfillFindings(null, Bureau.Profile));
        Assert.Empty(publication.Findings!);
    }

    [Fact]
    public void A_published_report_cannot_be_edited_in_place()
    {
        var report = Published();

        var refused = Assert.Throws<DomainException>(() => report.UpdateContent(CompleteReport.Balanced(report.Year, received: 9, carriedIn: 0, carriedOut: 0), None, None, Filler, Now));
        Assert.Contains("已发布", refused.Message, StringComparison.Ordinal);
        Assert.Equal(3, report.Cells["s3.received.natural"]);
    }

    [Fact]
    public void A_correction_opens_the_next_revision_while_the_published_one_stays_public()
    {
        var report = Published();

        report.OpenCorrection(Filler, Now, "更正予以公开数");

        Assert.Equal(ReportState.Draft, report.State);
        Assert.Equal(2, report.Revision);
        Assert.Equal(1, report.PublishedRevision);
        Assert.Equal("更正予以公开数", report.CorrectionReason);
        Assert.Throws<DomainException>(() => Published().OpenCorrection(Filler, Now, ""));
    }

    [Fact]
    public void Every_transition_leaves_an_audit_line()
    {
        var report = Published();
        report.OpenCorrection(Filler, Now, "更正");

        Assert.Equal(
            [AuditActions.Created, AuditActions.Submitted, AuditActions.Approved, AuditActions.Published, AuditActions.CorrectionOpened],
            report.AuditTrail.Where(a => a.Action is not (AuditActions.CellChanged or AuditActions.TextChanged)).Select(a => a.Action));
    }

    [Fact]
    public void A_comment_must_name_a_cell_of_the_reports_own_template()
    {
        var report = Submitted();

        Assert.Throws<DomainException>(() => report.Comment(Reviewer, Now, "请核对", null, "s2.procurement.amount"));
        var comment = report.Comment(Reviewer, Now, "请核对", null, "s3.granted.natural");
        Assert.Equal("s3.granted.natural", comment.CellCode);
    }
}
