using System.Net;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Web.Tests;

public sealed class EditorPageTests(StaffPortalFactory factory) : IClassFixture<StaffPortalFactory>
{
    private static string EditUrl(int id) => $"/Work/Reports/{id}/Edit";

    [Fact]
    public async Task Every_numeric_input_is_drawn_from_the_template_with_its_accessible_name()
    {
        var (agency, filler) = await factory.NewFiller();
        var id = await factory.StartReport(agency, 2024);
        var client = await PageClient.SignedIn(factory, filler);

        var page = await client.Get(EditUrl(id));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var inputs = page.Document.QuerySelectorAll("input.cell-input");
        Assert.Equal(ReportTemplates.T2021.Cells.Count, inputs.Length);
        Assert.Equal("三（三）3 危及“三安全一稳定” — 自然人", page.Cell("s3.withheld.3.natural").GetAttribute("aria-label"));
        Assert.Equal("s3.received.natural s3.received.commercial s3.received.research s3.received.nonprofit s3.received.legal s3.received.orgother",
            page.Cell("s3.received.total").GetAttribute("data-sum"));
        Assert.Equal("申请人情况", page.Document.QuerySelector("table[data-table='s3'] thead th[colspan='7']")?.TextContent);
        Assert.Equal(6, page.Document.QuerySelectorAll("textarea.section-text").Length);
    }

    [Fact]
    public async Task Saving_valid_input_stores_it_and_says_so()
    {
        var (agency, filler) = await factory.NewFiller();
        var id = await factory.StartReport(agency, 2024);
        var client = await PageClient.SignedIn(factory, filler);
        var page = await client.Get(EditUrl(id));

        var saved = await client.Submit(page, "#report-form", new()
        {
            ["Input.Cells[s3.received.natural]"] = "47",
            ["Input.Cells[s2.fees.amount]"] = "3.27",
            ["Input.Sections[overview]"] = "本年度，我局认真贯彻落实条例。",
        }, "button[formaction*='handler=Save']");

        Assert.Contains("已保存", saved.Text);
        Assert.Equal("47", saved.Cell("s3.received.natural").Value);
        Assert.Equal("47", saved.Cell("s3.received.total").GetAttribute("placeholder"));
        await using var db = factory.Db();
        var report = await db.Reports.AsNoTracking().SingleAsync(r => r.Id == id);
        Assert.Equal(47m, report.Cells["s3.received.natural"]);
        Assert.Equal(3.27m, report.Cells["s2.fees.amount"]);
        Assert.Equal("本年度，我局认真贯彻落实条例。", report.Sections["overview"]);
    }

    [Theory]
    [InlineData("十二", "应填写数字")]
    [InlineData("1.5", "应为整数")]
    [InlineData("-3", "不能为负数")]
    public async Task Malformed_input_keeps_everything_typed_and_names_the_cell(string typed, string complaint)
    {
        var (agency, filler) = await factory.NewFiller();
        var id = await factory.StartReport(agency, 2024);
        var client = await PageClient.SignedIn(factory, filler);
        var page = await client.Get(EditUrl(id));

        var result = await client.Submit(page, "#report-form", new()
        {
            ["Input.Cells[s3.withheld.3.natural]"] = typed,
            ["Input.Cells[s3.received.natural]"] = "12",
            ["Input.Sections[problems]"] = "人员不足。",
        }, "button[formaction*='handler=Save']");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        var summary = result.Single("#error-summary").TextContent;
        Assert.Contains("三（三）3 危及“三安全一稳定” — 自然人", summary);
        Assert.Contains(complaint, summary);
        var cell = result.Cell("s3.withheld.3.natural");
        Assert.Equal(typed, cell.Value);
        Assert.Equal("true", cell.GetAttribute("aria-invalid"));
        Assert.Contains("error-s3.withheld.3.natural", cell.GetAttribute("aria-describedby"));
        Assert.Equal("12", result.Cell("s3.received.natural").Value);
        Assert.Equal("人员不足。", result.Single("textarea[name='Input.Sections[problems]']").TextContent);
        await using var db = factory.Db();
        Assert.Empty((await db.Reports.AsNoTracking().SingleAsync(r => r.Id == id)).Cells);
    }

    [Fact]
    public async Task A_stale_version_gets_the_conflict_message_and_keeps_the_input()
    {
        var (agency, filler) = await factory.NewFiller();
        var id = await factory.StartReport(agency, 2024);
        var client = await PageClient.SignedIn(factory, filler);
        var page = await client.Get(EditUrl(id));
        var other = await client.Get(EditUrl(id));
        await client.Submit(other, "#report-form", new() { ["Input.Cells[s3.received.legal]"] = "2" }, "button[formaction*='handler=Save']");

        var result = await client.Submit(page, "#report-form", new() { ["Input.Cells[s3.received.natural]"] = "9" }, "button[formaction*='handler=Save']");

        Assert.Contains("已被他人", result.Text);
        Assert.Equal("9", result.Cell("s3.received.natural").Value);
        await using var db = factory.Db();
        var report = await db.Reports.AsNoTracking().SingleAsync(r => r.Id == id);
        Assert.False(report.Cells.ContainsKey("s3.received.natural"));
        Assert.Equal(2m, report.Cells["s3.received.legal"]);
    }

    [Fact]
    public async Task Another_agencys_report_is_not_found()
    {
        var id = await factory.StartReport(factory.TransportId, 2024);
        var client = await PageClient.SignedIn(factory, "filler");

        var page = await client.Get(EditUrl(id));

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
    }

    [Fact]
    public async Task A_reviewer_cannot_open_the_editor()
    {
        var (agency, _) = await factory.NewFiller();
        var id = await factory.StartReport(agency, 2024);
        var client = await PageClient.SignedIn(factory, "reviewer");

        var page = await client.Get(EditUrl(id));

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
    }

    [Fact]
    public async Task Submitting_moves_the_report_to_review_and_withdrawing_brings_it_back()
    {
        var (agency, filler) = await factory.NewFiller();
        var id = await factory.StartReport(agency, 2024);
        var client = await PageClient.SignedIn(factory, filler);
        var page = await client.Get(EditUrl(id));

        var submitted = await client.Submit(page, "#report-form", new() { ["Input.Cells[s3.received.natural]"] = "5" }, "button[formaction*='handler=Submit']");
        Assert.Contains("已保存并提交审核", submitted.Text);
        Assert.Null(submitted.Find("input.cell-input"));

        var withdrawn = await client.Submit(submitted, "form[action*='handler=Withdraw']");
        Assert.Contains("已撤回", withdrawn.Text);
        Assert.NotNull(withdrawn.Find("input.cell-input"));
    }

    [Fact]
    public async Task Carried_over_cells_are_marked_and_need_a_reason_when_changed()
    {
        var (agency, filler) = await factory.NewFiller();
        var previous = await factory.StartReport(agency, 2023);
        await factory.Change(previous, r => r.UpdateContent(Doc(2023, ("s3.carried_out.natural", 4m)), new Dictionary<string, string>(), new Dictionary<string, string>(),
            new("seed", "种子", agency), DateTimeOffset.UtcNow));
        var client = await PageClient.SignedIn(factory, filler);
        var dashboard = await client.Get("/Work");
        Assert.Contains("2023", dashboard.Text);

        var editor = await client.Submit(dashboard, "form.start-form");
        var cell = editor.Cell("s3.carried_in.natural");
        Assert.Equal("4", cell.Value);
        Assert.Equal("4", cell.GetAttribute("data-carried"));
        Assert.Contains("上年结转", editor.Text);

        var refused = await client.Submit(editor, "#report-form", new() { ["Input.Cells[s3.carried_in.natural]"] = "5" }, "button[formaction*='handler=Save']");
        Assert.Contains("修改从上年带入的数据需要填写原因", refused.Text);
        Assert.Equal("5", refused.Cell("s3.carried_in.natural").Value);

        var accepted = await client.Submit(refused, "#report-form", new() { ["Input.CarryReasons[s3.carried_in.natural]"] = "上年统计漏报一件" }, "button[formaction*='handler=Save']");
        Assert.Contains("已保存", accepted.Text);
    }

    private static ReportDocument Doc(int year, params (string Code, decimal Value)[] cells)
    {
        var doc = new ReportDocument(TemplateVersions.ForYear(year), year, "示范市教育局", "t");
        foreach (var (code, value) in cells)
        {
            doc.Cells[code] = value;
        }

        return doc;
    }
}
