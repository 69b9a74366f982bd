using GovDisclosure.Application.Reports;
using GovDisclosure.Domain.Workflow;
using static GovDisclosure.Application.Tests.Reports.ReportWorld;
using static GovDisclosure.Tests.Shared.CompleteReport;

namespace GovDisclosure.Application.Tests.Reports;

public sealed class AuditCompletenessTests : IAsyncLifetime
{
    private ReportWorld world = null!;

    public async Task InitializeAsync() => world = await ReportWorld.CreateAsync("gd_audit_complete");

    public async Task DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public async Task A_title_change_and_a_sections_whole_old_and_new_text_are_in_the_trail()
    {
        var id = await world.ReportInStateAsync(world.FillerA, 2021, ReportState.Draft);
        var first = Balanced(2021);
        first.Sections["overview"] = "本年度我局主动公开政府信息一百条。";
        await world.SaveExplainedAsync(world.FillerA, id, first);
        var second = Balanced(2021);
        second.Sections["overview"] = "本年度我局主动公开政府信息一百二十条，较上年增加。";
        second.Title = "新华区甲局2021年政府信息公开工作年度报告（修订）";
        await world.SaveExplainedAsync(world.FillerA, id, second);

        var audit = await world.AuditAsync(id);
        var text = audit.Last(a => a.Action == AuditActions.TextChanged);
        Assert.Equal(("本年度我局主动公开政府信息一百条。", "本年度我局主动公开政府信息一百二十条，较上年增加。"), (text.OldValue, text.NewValue));
        var title = Assert.Single(audit, a => a.Action == AuditActions.TitleChanged);
        Assert.Equal("新华区甲局2021年政府信息公开工作年度报告（修订）", title.NewValue);
        Assert.Equal("新华区甲局2021年政府信息公开工作年度报告", title.OldValue);
    }

    [Fact]
    public async Task An_explanation_added_changed_and_removed_each_leaves_a_line()
    {
        // Last year carried out 2 and this year carries in 3: a warning that wants a 说明 (the 结转 rule).
        await world.ReportInStateAsync(world.FillerA, 2020, ReportState.Published, Balanced(2020, carriedOut: 2));
        var id = Ok(await world.StartAsync(world.FillerA, 2021)).ReportId!.Value;
        var content = Balanced(2021, carriedIn: 3, carriedOut: 3);
        var reasons = (await world.LoadAsync(id)).CarriedValues.Keys.ToDictionary(k => k, _ => "上年报告结转数有误，已核实。");
        var saved = Ok(await world.SaveAsync(world.FillerA, new SaveReportInput(id, await world.VersionAsync(id), content, null, reasons)));
        var key = Assert.IsType<string>(saved.Findings[0].Key);
        Ok(await world.SaveAsync(world.FillerA, new SaveReportInput(id, await world.VersionAsync(id), content, new Dictionary<string, string> { [key] = "经核实无误。" }, reasons)));
        Ok(await world.SaveAsync(world.FillerA, new SaveReportInput(id, await world.VersionAsync(id), content, new Dictionary<string, string> { [key] = "经再次核实无误。" }, reasons)));
        Ok(await world.SaveAsync(world.FillerA, new SaveReportInput(id, await world.VersionAsync(id), content, new Dictionary<string, string>(), reasons)));

        var lines = (await world.AuditAsync(id)).Where(a => a.Action is AuditActions.ExplanationChanged or AuditActions.ExplanationRemoved).ToList();
        Assert.Equal(
            [(AuditActions.ExplanationChanged, null, "经核实无误。"), (AuditActions.ExplanationChanged, "经核实无误。", "经再次核实无误。"), (AuditActions.ExplanationRemoved, "经再次核实无误。", null)],
            lines.Select(a => (a.Action, a.OldValue, a.NewValue)));
    }
}
