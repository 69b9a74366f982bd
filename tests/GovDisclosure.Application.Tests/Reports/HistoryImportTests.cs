using GovDisclosure.Application.Reports;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Rules;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using static GovDisclosure.Application.Tests.Reports.ReportWorld;

namespace GovDisclosure.Application.Tests.Reports;

/// <summary>A historical report whose table 四 the importer refused, saved, read back and published later.</summary>
public sealed class HistoryImportTests : IAsyncLifetime
{
    private ReportWorld world = null!;

    public async Task InitializeAsync() => world = await ReportWorld.CreateAsync("gd_history_import");

    public async Task DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public async Task A_refused_cell_stays_unknown_after_saving_so_a_later_publication_still_says_it_could_not_be_checked()
    {
        var document = CompleteReport.Balanced(2020);
        var refused = document.Definition.Table("s4").Rows[0].Cells.Select(c => c.Code).ToList();
        foreach (var code in refused)
        {
            document.Cells.MarkUnknown(code);
        }

        document.Sections[SectionKeys.Appeals] = "本年度发生政府信息公开行政复议3件、行政诉讼2件。";
        var row = await Import(document);
        Assert.Equal(HistoryImportStatus.Imported, row.Status);

        await using (var db = world.Db())
        {
            var id = await db.Reports.Where(r => r.AgencyId == world.BureauA.Id).Select(r => r.Id).SingleAsync();
            var saved = await world.LoadAsync(id);
            var reread = saved.ToDocument(world.BureauA.Name);
            Assert.All(refused, code => Assert.True(reread.Cells.IsUnknown(code), code));
            Assert.DoesNotContain(saved.Check(reread, null), f => f.RuleId == RuleIds.Narrative);

            Ok(await world.PublishAsync(world.Reviewer, id, await world.VersionAsync(id)));
        }

        await using var read = world.Db();
        var publication = await read.Publications.AsNoTracking().SingleAsync(p => p.Report!.AgencyId == world.BureauA.Id);
        var notChecked = publication.Findings!.Where(f => f.RuleId == RuleIds.Unchecked).ToList();
        Assert.NotEmpty(notChecked);
        Assert.Contains(notChecked, f => f.CellCodes.Intersect(refused).Any());
        Assert.DoesNotContain(publication.Findings!, f => f.RuleId == RuleIds.Narrative);
    }

    [Fact]
    public async Task A_report_read_in_full_keeps_no_unknown_cells()
    {
        await Import(CompleteReport.Balanced(2019), world.BureauB.Code);

        await using var db = world.Db();
        var saved = await db.Reports.AsNoTracking().SingleAsync(r => r.AgencyId == world.BureauB.Id);
        Assert.Empty(saved.UnknownCells);
    }

    private async Task<HistoryImportRow> Import(ReportDocument document, string? agencyCode = null)
    {
        await using var db = world.Db();
        var publisher = new PublishReport(db, world.Clock, world.Pdf, world.Listeners, NullLogger<PublishReport>.Instance);
        var file = new HistoryFile($"{document.Year}.json", "application/json", System.Text.Encoding.UTF8.GetBytes(InterchangeJson.Write(document) + agencyCode),
            document, [], null);
        return await new ImportHistory(db, world.Clock, publisher).ExecuteAsync(new Actor("cli:test", "命令行导入（test）", 0), file, agencyCode ?? world.BureauA.Code, publish: false);
    }
}
