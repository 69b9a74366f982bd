using System.Net;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Domain.Workflow;
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
    public async Task A_warning_about_many_blank_cells_links_five_and_folds_the_rest_without_losing_any_while_a_few_stay_in_view()
    {
        var (agency, filler) = await factory.NewFiller();
        var id = await factory.StartReport(agency, 2024);
        var client = await PageClient.SignedIn(factory, filler);

        // An untouched table is quiet while filling in; one figure typed in each makes their blanks count.
        var page = await client.Submit(await client.Get(EditUrl(id)), "#report-form",
            new() { ["Input.Cells[s3.received.natural]"] = "5", ["Input.Cells[s3.granted.natural]"] = "5", ["Input.Cells[s2.rules.issued]"] = "0" }, "button[formaction*='handler=Save']");

        var finding = page.Document.QuerySelectorAll("li.finding").Single(li => li.TextContent.Contains("三、收到和处理政府信息公开申请情况有", StringComparison.Ordinal));
        var blanks = int.Parse(System.Text.RegularExpressions.Regex.Match(finding.TextContent, "情况有(\\d+)个单元格空白").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        // Five cell links in view; the sixth link of a warning goes to its 说明 box.
        Assert.Equal(5, finding.QuerySelectorAll(":scope > a:not(.explain-link)").Length);
        Assert.NotNull(finding.QuerySelector(":scope > a.explain-link[href^='#explanation-']"));
        Assert.Equal($"另有{blanks - 5}个单元格", finding.QuerySelector("details.finding-cells summary")?.TextContent);
        Assert.Equal(blanks, finding.QuerySelectorAll("a[href^='#cell-s3']").Length);

        var few = page.Document.QuerySelectorAll("li.finding").Single(li => li.TextContent.Contains("第二十条第（一）项有5个单元格空白", StringComparison.Ordinal));
        Assert.Equal(5, few.QuerySelectorAll(":scope > a:not(.explain-link)").Length);
        Assert.Null(few.QuerySelector("details"));
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
            ["Input.Cells[s3.granted.natural]"] = "47",
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
    public async Task A_save_on_top_of_another_windows_save_merges_both_windows_cells()
    {
        var (agency, filler) = await factory.NewFiller();
        var id = await factory.StartReport(agency, 2024);
        var client = await PageClient.SignedIn(factory, filler);
        var page = await client.Get(EditUrl(id));
        var other = await client.Get(EditUrl(id));
        await client.Submit(other, "#report-form", new() { ["Input.Cells[s3.received.legal]"] = "2", ["Input.Cells[s3.granted.legal]"] = "2" }, "button[formaction*='handler=Save']");

        var result = await client.Submit(page, "#report-form", new() { ["Input.Cells[s3.received.natural]"] = "9", ["Input.Cells[s3.granted.natural]"] = "9" }, "button[formaction*='handler=Save']");

        Assert.Contains("已合并他人在您编辑期间保存的", result.Text);
        Assert.Equal("9", result.Cell("s3.received.natural").Value);
        await using var db = factory.Db();
        var report = await db.Reports.AsNoTracking().SingleAsync(r => r.Id == id);
        Assert.Equal(9m, report.Cells["s3.received.natural"]);
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
        var saved = await client.Submit(page, "#report-form", new() { ["Input.Cells[s3.received.natural]"] = "5", ["Input.Cells[s3.granted.natural]"] = "5" }, "button[formaction*='handler=Save']");

        // Tables nobody typed in are quiet while filling in and draw their warnings at the first submission.
        var refused = await client.Submit(saved, "#report-form", ExplainEveryWarning(saved), "button[formaction*='handler=Submit']");
        Assert.Contains("已保存，但未能提交", refused.Single("#error-summary").TextContent);
        var submitted = await client.Submit(refused, "#report-form", ExplainEveryWarning(refused), "button[formaction*='handler=Submit']");
        Assert.Contains("已保存并提交审核", submitted.Text);
        Assert.Null(submitted.Find("input.cell-input"));

        var withdrawn = await client.Submit(submitted, "form[action*='handler=Withdraw']");
        Assert.Contains("已撤回", withdrawn.Text);
        Assert.NotNull(withdrawn.Find("input.cell-input"));
    }

    [Fact]
    public async Task Submitting_with_an_unexplained_warning_saves_but_names_what_is_missing()
    {
        var (agency, filler) = await factory.NewFiller();
        var id = await factory.StartReport(agency, 2024);
        var client = await PageClient.SignedIn(factory, filler);
        var page = await client.Get(EditUrl(id));

        var result = await client.Submit(page, "#report-form", new() { ["Input.Cells[s3.received.natural]"] = "6", ["Input.Cells[s3.granted.natural]"] = "6" }, "button[formaction*='handler=Submit']");

        Assert.Contains("提交前请为每条警告填写说明", result.Single("#error-summary").TextContent);
        Assert.NotEmpty(result.Document.QuerySelectorAll("textarea.explanation"));
        await using var db = factory.Db();
        var report = await db.Reports.AsNoTracking().SingleAsync(r => r.Id == id);
        Assert.Equal(ReportState.Draft, report.State);
        Assert.Equal(6m, report.Cells["s3.received.natural"]);
    }

    [Fact]
    public async Task Explanations_are_posted_as_indexed_pairs_and_are_saved_under_their_finding()
    {
        var (agency, filler) = await factory.NewFiller();
        var id = await factory.StartReport(agency, 2024);
        var client = await PageClient.SignedIn(factory, filler);
        var page = await client.Get(EditUrl(id));
        var box = page.Single("textarea.explanation");
        var key = box.GetAttribute("data-finding-key")!;

        Assert.Matches(@"^Input\.Explanations\[\d+\]\.Value$", box.GetAttribute("name")!);
        var saved = await client.Submit(page, "#report-form", new() { [box.GetAttribute("name")!] = "本年度确无此类申请。" }, "button[formaction*='handler=Save']");

        Assert.Contains("已保存", saved.Text);
        Assert.Equal("本年度确无此类申请。", saved.Single($"textarea[data-finding-key='{key}']").TextContent);
        await using var db = factory.Db();
        Assert.Equal("本年度确无此类申请。", (await db.Reports.AsNoTracking().SingleAsync(r => r.Id == id)).Explanations[key]);
    }

    [Fact]
    public async Task An_unbalanced_save_is_refused_keeps_the_input_and_the_explanations_and_marks_the_cell()
    {
        var (agency, filler) = await factory.NewFiller();
        var id = await factory.StartReport(agency, 2024);
        var client = await PageClient.SignedIn(factory, filler);
        var page = await client.Get(EditUrl(id));
        var boxes = page.Document.QuerySelectorAll("textarea.explanation").Select(b => b.GetAttribute("name")!).ToList();
        var typed = boxes.ToDictionary(n => n, n => $"说明{n.Length}");
        typed["Input.Cells[s3.received.natural]"] = "10";
        typed["Input.Cells[s3.granted.natural]"] = "8";
        typed["Input.Sections[overview]"] = "总体情况。";

        var refused = await client.Submit(page, "#report-form", typed, "button[formaction*='handler=Save']");

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("未保存", refused.Single("#error-summary").TextContent);
        Assert.Equal("10", refused.Cell("s3.received.natural").Value);
        Assert.Equal("8", refused.Cell("s3.granted.natural").Value);
        Assert.Equal("true", refused.Cell("s3.received.natural").GetAttribute("aria-invalid"));
        Assert.Contains("R3-A", refused.Single(".findings").TextContent);
        Assert.Equal("总体情况。", refused.Single("textarea[name='Input.Sections[overview]']").TextContent);
        var shown = refused.Document.QuerySelectorAll("[name^='Input.Explanations'][name$='.Value']")
            .Select(e => e is AngleSharp.Html.Dom.IHtmlInputElement input ? input.Value : e.TextContent).ToList();
        foreach (var text in typed.Where(t => t.Key.StartsWith("Input.Explanations", StringComparison.Ordinal)).Select(t => t.Value))
        {
            Assert.Contains(text, shown);
        }

        await using var db = factory.Db();
        Assert.Empty((await db.Reports.AsNoTracking().SingleAsync(r => r.Id == id)).Cells);
    }

    [Fact]
    public async Task Carried_over_cells_are_marked_and_need_a_reason_when_changed()
    {
        var (agency, filler) = await factory.NewFiller();
        await factory.Published(agency, 2023, ("s3.received.natural", 4m), ("s3.carried_out.natural", 4m));
        var client = await PageClient.SignedIn(factory, filler);
        var dashboard = await client.Get("/Work");
        Assert.Contains("2023", dashboard.Text);

        var editor = await client.Submit(dashboard, "form.start-form");
        var cell = editor.Cell("s3.carried_in.natural");
        Assert.Equal("4", cell.Value);
        Assert.Equal("4", cell.GetAttribute("data-carried"));
        Assert.Contains("上年结转", editor.Text);

        var refused = await client.Submit(editor, "#report-form", new() { ["Input.Cells[s3.carried_in.natural]"] = "5", ["Input.Cells[s3.granted.natural]"] = "5" }, "button[formaction*='handler=Save']");
        Assert.Contains("修改从上年带入的数据需要填写原因", refused.Text);
        Assert.Equal("5", refused.Cell("s3.carried_in.natural").Value);

        var accepted = await client.Submit(refused, "#report-form", new() { ["Input.CarryReasons[s3.carried_in.natural]"] = "上年统计漏报一件" }, "button[formaction*='handler=Save']");
        Assert.Contains("已保存", accepted.Text);
    }

    /// <summary>A 说明 for every warning box on the page, as a filler would write them before submitting.</summary>
    internal static Dictionary<string, string> ExplainEveryWarning(Page page) =>
        page.Document.QuerySelectorAll("textarea.explanation").ToDictionary(b => b.GetAttribute("name")!, _ => "情况属实，特此说明。");
}
