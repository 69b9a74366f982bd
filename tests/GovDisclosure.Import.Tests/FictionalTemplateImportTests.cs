using GovDisclosure.Domain.Rules;
using GovDisclosure.Tests.Shared;

namespace GovDisclosure.Import.Tests;

/// <summary>The importer reads a template it has never been told about, given a catalogue that holds it.</summary>
public sealed class FictionalTemplateImportTests
{
    [Fact]
    public void An_html_table_with_the_fictional_templates_new_row_and_column_is_read_into_the_new_cells()
    {
        var original = FictionalTemplate.Balanced();
        original.Cells[FictionalTemplate.NewResultCell("suit_direct")] = 1;
        original.Cells["s4.suit_direct.total"] = 1;
        original.Sections[Domain.Templates.SectionKeys.Overview] = "2026年，本机关收到政府信息公开申请3件，发生行政复议2件、行政诉讼1件。";
        var html = ReportWriter.Html(original);

        var result = ReportImporter.Import(html, ImportFormat.Html, FictionalTemplate.Catalog);

        Assert.Same(FictionalTemplate.Definition, result.Report.Definition);
        Assert.Equal(2026, result.Report.Year);
        Assert.DoesNotContain(result.Findings, f => f.IsError);
        Assert.Equal(1m, result.Report.Cells[FictionalTemplate.NewRowCell("natural")]);
        Assert.Equal(1m, result.Report.Cells[FictionalTemplate.NewRowCell("total")]);
        Assert.Equal(2m, result.Report.Cells[FictionalTemplate.NewResultCell("review")]);
        Assert.Equal(1m, result.Report.Cells[FictionalTemplate.NewResultCell("suit_direct")]);
        Assert.Equal(original.Cells.OrderBy(c => c.Key, StringComparer.Ordinal), result.Report.Cells.OrderBy(c => c.Key, StringComparer.Ordinal));
        Assert.Empty(ReportChecker.Check(result.Report));
    }

    [Fact]
    public void The_default_catalogue_names_the_unknown_row_instead_of_guessing_its_cells()
    {
        var html = ReportWriter.Html(FictionalTemplate.Balanced());

        var result = ReportImporter.Import(html, ImportFormat.Html);

        Assert.Contains(result.Findings, f => f.IsError && f.Message.Contains("申请人撤回申请", StringComparison.Ordinal));
        Assert.False(result.Report.Definition.HasCell(FictionalTemplate.NewRowCell("natural")));
    }
}
