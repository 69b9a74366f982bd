using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Tests.Shared;

namespace GovDisclosure.Domain.Tests.Workflow;

public sealed class ApprovalChainTests
{
    private static readonly DateTimeOffset Now = new(2022, 1, 10, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Agency Bureau = new("北仑区发展局", "BL-FZJ", AgencyKind.Department, AdministrativeLevel.County, null);
    private static readonly Actor Filler = new("filler", "填报人甲", 0);
    private static readonly Actor OwnReviewer = new("own", "本局审核人", 0);
    private static readonly Actor OfficeReviewer = new("office", "政府办审核人", 99);
    private static readonly IReadOnlyList<ApprovalLevel> TwoLevels =
        [new("本机关审核", ApprovalScope.OwnAgency), new("政府办审核", ApprovalScope.Above)];

    private static AnnualReport Submitted(IReadOnlyList<ApprovalLevel>? chain)
    {
        var report = AnnualReport.Start(Bureau, 2021, Filler, Now);
        var content = CompleteReport.Balanced(2021);
        var findings = report.Check(content, null);
        report.UpdateContent(content, findings.ToDictionary(f => f.Key, _ => "经核实无误。"), new Dictionary<string, string>(), Filler, Now);
        report.Submit(Filler, Now, Bureau.Name, chain: chain);
        return report;
    }

    [Fact]
    public void Without_a_chain_one_approval_by_any_reviewer_makes_the_report_publishable()
    {
        var report = Submitted(null);
        Assert.Equal("待审核", report.ApprovalStatus);

        Assert.True(report.Approve(OfficeReviewer, Now));
        Assert.Equal(ReportState.Approved, report.State);
    }

    [Fact]
    public void The_first_approval_of_two_passes_the_report_on_and_the_second_makes_it_publishable()
    {
        var report = Submitted(TwoLevels);

        Assert.False(report.Approve(OwnReviewer, Now));
        Assert.Equal((ReportState.Submitted, "待政府办审核"), (report.State, report.ApprovalStatus));
        Assert.Throws<DomainException>(() => report.Publish(OfficeReviewer, Now, Bureau.Name, [1], "{}", null));

        Assert.True(report.Approve(OfficeReviewer, Now));
        Assert.Equal("已通过", report.ApprovalStatus);
    }

    [Fact]
    public void A_level_refuses_a_reviewer_it_does_not_admit_and_says_whose_turn_it_is()
    {
        var report = Submitted(TwoLevels);

        var refused = Assert.Throws<DomainException>(() => report.Approve(OfficeReviewer, Now));
        Assert.Contains("待本机关审核", refused.Message);
        Assert.False(report.AwaitsReviewBy(OfficeReviewer));
        Assert.True(report.AwaitsReviewBy(OwnReviewer));
    }

    [Fact]
    public void A_return_at_the_second_level_sends_the_next_submission_back_to_the_first()
    {
        var report = Submitted(TwoLevels);
        report.Approve(OwnReviewer, Now);

        var comment = report.Return(OfficeReviewer, Now, "请补充第五部分");
        Assert.Equal("请补充第五部分", comment.Text);
        Assert.Contains(report.AuditTrail, a => a.Detail.Contains("（政府办审核）：请补充第五部分", StringComparison.Ordinal));

        report.Submit(Filler, Now, Bureau.Name, chain: TwoLevels);
        Assert.Equal("待本机关审核", report.ApprovalStatus);
    }

    [Fact]
    public void A_report_past_its_first_level_cannot_be_withdrawn()
    {
        var report = Submitted(TwoLevels);
        report.Approve(OwnReviewer, Now);

        Assert.Throws<DomainException>(() => report.Withdraw(Filler, Now));
    }

    [Fact]
    public void The_stored_chain_reads_back_as_it_was_written()
    {
        Assert.Equal(TwoLevels, ApprovalChain.Decode(ApprovalChain.Encode(TwoLevels)));
        Assert.Equal(ApprovalChain.Default, ApprovalChain.Decode(string.Empty));
    }
}
